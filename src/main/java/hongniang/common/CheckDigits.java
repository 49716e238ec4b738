package hongniang.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Check characters of the two national identifiers: the unified social credit code (GB 32100-2015)
 * and the resident identity card number (GB 11643-1999).
 */
public final class CheckDigits {

  private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] CREDIT_CODE_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };
  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

  private CheckDigits() {}

  /** True when the 18-character code uses the code's alphabet and its check character fits. */
  public static boolean isValidCreditCode(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (CREDIT_CODE_CHARS.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return code.charAt(17) == creditCodeCheckChar(code.substring(0, 17));
  }

  /** The check character for the first 17 characters of a credit code. */
  public static char creditCodeCheckChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CREDIT_CODE_CHARS.indexOf(first17.charAt(i)) * CREDIT_CODE_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return CREDIT_CODE_CHARS.charAt(check);
  }

  /** True when the 18-character ID number has digits, a real birth date and a fitting check. */
  public static boolean isValidIdNumber(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    for (int i = 0; i < 17; i++) {
      if (!Character.isDigit(id.charAt(i))) {
        return false;
      }
    }
    return birthDate(id).isPresent() && id.charAt(17) == idNumberCheckChar(id.substring(0, 17));
  }

  /** The check character (0-9 or X) for the first 17 digits of an ID number. */
  public static char idNumberCheckChar(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return ID_CHECK[sum % 11];
  }

  /** The birth date written in digits 7 to 14 of an ID number, if it is a real date. */
  public static Optional<LocalDate> birthDate(String id) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(id.substring(6, 10)),
              Integer.parseInt(id.substring(10, 12)),
              Integer.parseInt(id.substring(12, 14)));
      return date.getYear() < 1900 ? Optional.empty() : Optional.of(date);
    } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }
}
