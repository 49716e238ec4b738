package hongniang.demo;

import hongniang.common.Gender;
import java.util.Random;

/**
 * Realistic Chinese names: surnames drawn by their frequency in Fujian (陈, 林 and 黄 lead there,
 * unlike the national list), given names by gender and by the decade the parents chose them in.
 */
final class ChineseNames {

  // Relative frequencies in tenths of a percent, roughly those of Sanming's household register.
  private static final String[] SURNAMES = {
    "陈", "林", "黄", "张", "吴", "王", "李", "刘", "郑", "杨", "罗", "邱", "肖", "廖", "赖", "叶", "许",
    "曾", "蔡", "余", "徐", "周", "郭", "朱", "邓", "江", "谢", "魏", "卢", "何", "胡", "钟", "游", "苏",
    "范", "严", "温", "池", "涂", "饶", "丁", "姜", "雷", "邹", "上官", "欧阳"
  };
  private static final int[] WEIGHTS = {
    105, 90, 60, 50, 42, 40, 40, 35, 30, 25, 20, 20, 18, 18, 15, 15, 15, 12, 12, 12, 12, 12, 10, 10,
    10, 10, 10, 10, 8, 8, 8, 8, 8, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 4, 1, 2
  };
  private static final int[] CUMULATIVE = new int[WEIGHTS.length];

  static {
    int sum = 0;
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum += WEIGHTS[i];
      CUMULATIVE[i] = sum;
    }
  }

  // Whole given names typical of each generation: 秀英 for the 1950s-60s, 欣怡 for the 2000s.
  private static final String[] FEMALE_OLD = {
    "秀英", "桂英", "玉兰", "秀兰", "美玲", "玉珍", "淑珍", "月英", "金花", "秀珍", "爱华", "素琴", "春梅",
    "凤英", "丽华", "玉梅", "桂兰", "美华", "惠珍", "秀华", "冬梅", "玉凤", "碧霞", "美珠", "月娥", "秀娥"
  };
  private static final String[] FEMALE_MID = {
    "丽", "红", "燕", "霞", "敏", "芳", "萍", "琴", "丽娟", "晓燕", "丽萍", "海燕", "春燕", "雪梅", "艳", "丽芳", "秀梅",
    "小红", "慧", "婷", "静", "丽琴", "少华", "玉婷", "晓红", "美娟"
  };
  private static final String[] FEMALE_YOUNG = {
    "婷", "雨涵", "欣怡", "佳怡", "思琪", "梦瑶", "诗涵", "晓琳", "雅琪", "心怡", "紫涵", "可馨", "颖", "倩", "佳慧", "欣然",
    "美琪", "晨曦", "雪晴", "若彤"
  };
  private static final String[] MALE_OLD = {
    "建国", "国华", "建华", "志强", "德福", "金水", "春生", "永福", "文斌", "明辉", "国平", "建平", "福生",
    "炳生", "木生", "火旺", "金发", "长春", "荣华", "振华", "德明", "天明", "水生", "根生", "贵福", "顺福"
  };
  private static final String[] MALE_MID = {
    "伟", "强", "军", "勇", "斌", "涛", "明", "辉", "磊", "刚", "峰", "志伟", "建军", "小龙", "海斌", "文杰", "永强", "晓东",
    "立新", "庆华", "少峰", "国强", "宏伟", "建明", "志明", "鹏"
  };
  private static final String[] MALE_YOUNG = {
    "浩", "宇", "杰", "子豪", "俊杰", "宇航", "浩然", "梓轩", "子涵", "家豪", "志豪", "博文", "宇轩", "俊熙", "鑫", "毅", "晨",
    "泽宇", "锦程", "天佑"
  };

  // Characters combined into two-character names, so that a million residents do not share a
  // few hundred names.
  private static final String FEMALE_CHARS = "秀丽美玉春晓雪慧婷静燕霞梅兰芳琴娟萍华珍凤莉洁颖晶月云英桂敏红";
  private static final String MALE_CHARS = "志建国文明德永俊伟海军华强斌峰涛辉龙杰鹏宏庆金荣福兴林生平清";

  private ChineseNames() {}

  /** A full name for a person of the given gender born in the given year. */
  static String fullName(Random random, Gender gender, int birthYear) {
    return surname(random) + givenName(random, gender, birthYear);
  }

  static String surname(Random random) {
    int pick = random.nextInt(CUMULATIVE[CUMULATIVE.length - 1]);
    for (int i = 0; i < CUMULATIVE.length; i++) {
      if (pick < CUMULATIVE[i]) {
        return SURNAMES[i];
      }
    }
    throw new AssertionError("pick beyond the cumulative weights");
  }

  static String givenName(Random random, Gender gender, int birthYear) {
    boolean female = gender == Gender.FEMALE;
    if (random.nextInt(10) < 4) {
      String chars = female ? FEMALE_CHARS : MALE_CHARS;
      return ""
          + chars.charAt(random.nextInt(chars.length()))
          + chars.charAt(random.nextInt(chars.length()));
    }
    String[] names;
    if (birthYear < 1972) {
      names = female ? FEMALE_OLD : MALE_OLD;
    } else if (birthYear < 1992) {
      names = female ? FEMALE_MID : MALE_MID;
    } else {
      names = female ? FEMALE_YOUNG : MALE_YOUNG;
    }
    return names[random.nextInt(names.length)];
  }
}
