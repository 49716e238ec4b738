/**
 * Shared building blocks that know no feature: errors, paging, masking, check digits, time, and
 * bulk imports (JSON, CSV in UTF-8 or GBK, XLSX; their templates; formula neutralising).
 */
package hongniang.common;
