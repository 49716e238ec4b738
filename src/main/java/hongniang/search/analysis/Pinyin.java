package hongniang.search.analysis;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Hanyu pinyin of text without tones, as residents type it on a phone: 保洁员 is {@code baojieyuan},
 * its initials {@code bjy}. ASCII letters and digits pass through lower-cased (C1驾照 is {@code
 * c1jiazhao}, initials {@code c1jz}); punctuation, spaces and other scripts are dropped; ü is
 * written {@code v}. Thread-safe.
 */
final class Pinyin {

  private static final char FIRST_HAN = '\u4E00';
  private static final char LAST_HAN = '\u9FFF';

  /**
   * Reading of each character of the CJK Unified Ideographs block, filled on first use: "" for a
   * character without one. Racing threads compute the same immutable String, so a plain array is
   * safe, and at index time (a million documents) it is one array read per character.
   */
  private static final String[] READINGS = new String[LAST_HAN - FIRST_HAN + 1];

  private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

  static {
    FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
  }

  /**
   * Words whose polyphonic character pinyin4j reads wrongly when taking its first reading (长 is
   * zhang first, so 班长 is right but 长期 is not). Job and place words of this district only; pinyin4j
   * has no word dictionary.
   */
  private static final Map<String, String[]> WORDS =
      words(
          "长期 chang qi",
          "长白班 chang bai ban",
          "长途 chang tu",
          "长年 chang nian",
          "长假 chang jia",
          "长度 chang du",
          "长短 chang duan",
          "长时间 chang shi jian",
          "擅长 shan chang",
          "特长 te chang",
          "专长 zhuan chang",
          "长沙 chang sha",
          "长汀 chang ting",
          "长乐 chang le",
          "银行 yin hang",
          "行业 hang ye",
          "行长 hang zhang",
          "行情 hang qing",
          "行车 hang che",
          "车行 che hang",
          "商行 shang hang",
          "琴行 qin hang",
          "同行 tong hang",
          "各行 ge hang",
          "会计 kuai ji",
          "模具 mu ju",
          "模板 mu ban",
          "模样 mu yang",
          "厦门 xia men",
          "冷藏 leng cang",
          "收藏 shou cang",
          "储藏 chu cang",
          "空调 kong tiao",
          "调试 tiao shi",
          "调酒 tiao jiu",
          "调味 tiao wei",
          "调料 tiao liao",
          "调配 tiao pei",
          "调节 tiao jie",
          "调解 tiao jie",
          "调理 tiao li",
          "调音 tiao yin",
          "调色 tiao se",
          "协调 xie tiao",
          "出差 chu chai",
          "差旅 chai lv",
          "重庆 chong qing",
          "重新 chong xin",
          "重复 chong fu",
          "音乐 yin yue",
          "乐器 yue qi",
          "乐队 yue dui",
          "曝光 bao guang",
          "校对 jiao dui",
          "校正 jiao zheng",
          "校准 jiao zhun",
          "便宜 pian yi",
          "人参 ren shen");

  private static final int LONGEST_WORD =
      WORDS.keySet().stream().mapToInt(String::length).max().orElse(0);

  /** First characters of the override words, so most characters skip the word lookup. */
  private static final BitSet WORD_STARTS = new BitSet();

  static {
    WORDS.keySet().forEach(word -> WORD_STARTS.set(word.charAt(0) - FIRST_HAN));
  }

  private Pinyin() {}

  /** The full pinyin: 保洁员 gives {@code baojieyuan}, 银行 {@code yinhang}. */
  static String full(CharSequence text) {
    StringBuilder full = new StringBuilder(text.length() * 4);
    spell(text, full, null);
    return full.toString();
  }

  /** The initials: 保洁员 gives {@code bjy}; ASCII runs stay whole (C1驾照 gives {@code c1jz}). */
  static String initials(CharSequence text) {
    StringBuilder initials = new StringBuilder(text.length());
    spell(text, null, initials);
    return initials.toString();
  }

  /** The full pinyin of each word, aligned with the input ("" for a word without any). */
  static List<String> wordsFull(List<String> words) {
    return words.stream().map(Pinyin::full).toList();
  }

  /** The initials of each word, aligned with the input ("" for a word without any). */
  static List<String> wordsInitials(List<String> words) {
    return words.stream().map(Pinyin::initials).toList();
  }

  /** Whether the text holds a Chinese character that has a reading. */
  static boolean hasHan(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= FIRST_HAN && c <= LAST_HAN && !reading(c).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Appends the full pinyin and/or the initials of a text in one pass; either may be null. */
  static void spell(CharSequence text, StringBuilder full, StringBuilder initials) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (c >= FIRST_HAN && c <= LAST_HAN) {
        String[] word = WORD_STARTS.get(c - FIRST_HAN) ? overrideAt(text, i) : null;
        if (word != null) {
          for (String syllable : word) {
            append(syllable, full, initials);
          }
          i += word.length;
          continue;
        }
        append(reading(c), full, initials);
      } else {
        char ascii = asciiLetterOrDigit(c);
        if (ascii != 0) {
          // ASCII stays whole in the initials too: nobody abbreviates "C1" or "3000"
          if (full != null) {
            full.append(ascii);
          }
          if (initials != null) {
            initials.append(ascii);
          }
        }
      }
      i++;
    }
  }

  private static void append(String syllable, StringBuilder full, StringBuilder initials) {
    if (syllable.isEmpty()) {
      return;
    }
    if (full != null) {
      full.append(syllable);
    }
    if (initials != null) {
      initials.append(syllable.charAt(0));
    }
  }

  private static String[] overrideAt(CharSequence text, int start) {
    for (int length = Math.min(LONGEST_WORD, text.length() - start); length >= 2; length--) {
      String[] syllables = WORDS.get(text.subSequence(start, start + length).toString());
      if (syllables != null) {
        return syllables;
      }
    }
    return null;
  }

  private static String reading(char c) {
    int index = c - FIRST_HAN;
    String reading = READINGS[index];
    if (reading == null) {
      reading = firstReading(c);
      READINGS[index] = reading;
    }
    return reading;
  }

  private static String firstReading(char c) {
    try {
      String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
      // pinyin4j lists a polyphonic character's readings most common first, mostly; WORDS
      // corrects the job words where that is wrong
      return readings == null || readings.length == 0 ? "" : readings[0];
    } catch (BadHanyuPinyinOutputFormatCombination e) {
      throw new IllegalStateException("lower case, no tones and v for ü is a valid format", e);
    }
  }

  /** The lower-case ASCII letter or digit a character stands for (full width too), else 0. */
  private static char asciiLetterOrDigit(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      // full-width forms (Ａ, １) as typed by Chinese input methods
      c = (char) (c - 0xFEE0);
    }
    if (c >= 'A' && c <= 'Z') {
      return (char) (c + ('a' - 'A'));
    }
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      return c;
    }
    // lü as typed on a keyboard that has ü; pinyin input methods write it v
    return c == 'ü' || c == 'Ü' ? 'v' : 0;
  }

  private static Map<String, String[]> words(String... entries) {
    Map<String, String[]> words = new HashMap<>();
    for (String entry : entries) {
      String[] parts = entry.split(" ");
      String word = parts[0];
      String[] syllables = Arrays.copyOfRange(parts, 1, parts.length);
      if (syllables.length != word.length()) {
        throw new IllegalStateException("one syllable per character: " + entry);
      }
      words.put(word, syllables);
    }
    return Map.copyOf(words);
  }
}
