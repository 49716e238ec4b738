package hongniang.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CheckDigitsTest {

  @Test
  void acceptsTheStandardsOwnIdNumberExample() {
    // GB 11643-1999 appendix example, check character X
    assertTrue(CheckDigits.isValidIdNumber("11010519491231002X"));
    assertEquals(LocalDate.of(1949, 12, 31), CheckDigits.birthDate("11010519491231002X").get());
  }

  @Test
  void rejectsAnIdNumberWithAWrongCheckDigit() {
    assertFalse(CheckDigits.isValidIdNumber("110105194912310021"));
  }

  @Test
  void rejectsAnIdNumberWhoseBirthDateIsNotADay() {
    String first17 = "35040219800230123";
    assertFalse(CheckDigits.isValidIdNumber(first17 + CheckDigits.idNumberCheckChar(first17)));
  }

  @Test
  void acceptsPublishedCreditCodes() {
    // codes printed on business licences; their 18th character is the check
    assertTrue(CheckDigits.isValidCreditCode("91110108551385082Q"));
    assertTrue(CheckDigits.isValidCreditCode("91350100M000100Y43"));
  }

  @Test
  void rejectsCreditCodesWithWrongCheckOrLetters() {
    assertFalse(CheckDigits.isValidCreditCode("91110108551385082R"));
    assertFalse(CheckDigits.isValidCreditCode("91110108551385082"));
    // I, O, S, V, Z are not in the code's alphabet
    assertFalse(CheckDigits.isValidCreditCode("9111010855138508IQ"));
  }

  @Test
  void masksIdNumbersAndPhones() {
    assertEquals("1101**********002X", Masking.idNumber("11010519491231002X"));
    assertEquals("138****1234", Masking.phone("13805981234"));
  }
}
