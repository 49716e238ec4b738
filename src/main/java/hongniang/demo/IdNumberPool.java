package hongniang.demo;

import hongniang.common.CheckDigits;
import hongniang.common.Gender;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

/**
 * Issues unique resident ID numbers (GB 11643-1999) of Sanming's 梅列区 and 三元区: one bit per possible
 * number keeps a million residents unique in a few megabytes.
 */
final class IdNumberPool {

  /** The region codes the pool issues: 梅列区 and 三元区 of Sanming. */
  static final List<String> REGIONS = List.of("350402", "350403");

  private static final LocalDate FIRST_DAY = LocalDate.of(1930, 1, 1);
  private static final int DAYS =
      (int) (LocalDate.of(2031, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());
  private static final int SEQUENCES = 1000;

  private final BitSet used = new BitSet();

  /**
   * A new number for someone born on the day; the sequence's last digit is odd for men and even for
   * women, as the standard says. When the day is full the person is registered a day later.
   */
  String issue(Random random, String region, LocalDate birthDate, Gender gender) {
    int parity = gender == Gender.MALE ? 1 : 0;
    LocalDate day = birthDate;
    while (true) {
      for (int attempt = 0; attempt < 20; attempt++) {
        int sequence = random.nextInt(SEQUENCES / 2) * 2 + parity;
        if (claim(region, day, sequence)) {
          return number(region, day, sequence);
        }
      }
      for (int sequence = parity; sequence < SEQUENCES; sequence += 2) {
        if (claim(region, day, sequence)) {
          return number(region, day, sequence);
        }
      }
      day = day.plusDays(1);
    }
  }

  /** Marks a number that exists already, so that it is not issued again. */
  void markTaken(String idNumber) {
    if (!CheckDigits.isValidIdNumber(idNumber)) {
      return;
    }
    String region = idNumber.substring(0, 6);
    LocalDate day = CheckDigits.birthDate(idNumber).orElseThrow();
    int index = index(region, day, Integer.parseInt(idNumber.substring(14, 17)));
    if (index >= 0) {
      used.set(index);
    }
  }

  private boolean claim(String region, LocalDate day, int sequence) {
    int index = index(region, day, sequence);
    if (index < 0) {
      throw new IllegalArgumentException("birth date outside the pool's years: " + day);
    }
    if (used.get(index)) {
      return false;
    }
    used.set(index);
    return true;
  }

  private static int index(String region, LocalDate day, int sequence) {
    int regionIndex = REGIONS.indexOf(region);
    long dayIndex = day.toEpochDay() - FIRST_DAY.toEpochDay();
    if (regionIndex < 0 || dayIndex < 0 || dayIndex >= DAYS) {
      return -1;
    }
    return (int) ((regionIndex * (long) DAYS + dayIndex) * SEQUENCES + sequence);
  }

  private static String number(String region, LocalDate day, int sequence) {
    String first17 =
        region
            + day.getYear()
            + two(day.getMonthValue())
            + two(day.getDayOfMonth())
            + (char) ('0' + sequence / 100)
            + two(sequence % 100);
    return first17 + CheckDigits.idNumberCheckChar(first17);
  }

  private static String two(int value) {
    return value < 10 ? "0" + value : Integer.toString(value);
  }
}
