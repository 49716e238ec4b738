package hongniang.common;

/** Masks personal data for viewers who do not need it whole. */
public final class Masking {

  private Masking() {}

  /** 350402198001011234 becomes 3504**********1234: region and last four stay readable. */
  public static String idNumber(String id) {
    if (id == null || id.length() < 8) {
      return id == null ? null : "*".repeat(id.length());
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  /** 13805981234 becomes 138****1234. */
  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return phone == null ? null : "*".repeat(phone.length());
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }
}
