/**
 * Fair-posting screening (招聘信息合规): rules kept as data ({@code src/main/resources/screening/}) that
 * find discriminatory, misleading or fee-charging wording in a posting's texts, read as the
 * search's analysed words through the port {@link hongniang.screening.TextWords}.
 *
 * <p>From outside: {@link hongniang.screening.Screener} (the front, a bean), its results {@link
 * hongniang.screening.Screening} and {@link hongniang.screening.Finding}, {@link
 * hongniang.screening.Category} and {@link hongniang.screening.Severity}; search implements {@code
 * TextWords}.
 */
package hongniang.screening;
