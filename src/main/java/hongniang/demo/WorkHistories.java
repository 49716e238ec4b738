package hongniang.demo;

import hongniang.common.Education;
import hongniang.common.Gender;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Work histories as matchmakers write them down: laid-off workers of Sanming's old state factories
 * (restructured 1998–2010), migrant workers back home, mothers returning to work, and graduates;
 * each comes with the skills, licences and education it implies.
 */
final class WorkHistories {

  /** What a history tells a matchmaker: the text and what follows from it. */
  record History(
      String experience,
      Education education,
      List<String> skills,
      List<String> licences,
      PostingKind kind) {}

  /** A job someone held; {@code gender} null means both. */
  private record Trade(
      String job,
      Gender gender,
      List<String> skills,
      PostingKind kind,
      String licence,
      double licenceRate) {

    boolean suits(Gender g) {
      return gender == null || gender == g;
    }
  }

  private record Factory(String name, List<Trade> trades) {}

  private static Trade trade(String job, Gender gender, PostingKind kind, String... skills) {
    return new Trade(job, gender, List.of(skills), kind, null, 0);
  }

  private static Trade licensed(
      String job, Gender gender, PostingKind kind, String licence, double rate, String skill) {
    return new Trade(job, gender, List.of(skill), kind, licence, rate);
  }

  private static final Trade ELECTRICIAN =
      licensed("电工", Gender.MALE, PostingKind.MACHINERY, "电工特种作业操作证", 0.7, "电工");
  private static final Trade WELDER =
      licensed("电焊工", Gender.MALE, PostingKind.MACHINERY, "焊工特种作业操作证", 0.6, "电焊");
  private static final Trade STOREKEEPER = trade("仓管员", null, PostingKind.FACTORY, "仓库管理");

  private static final List<Factory> STATE_FACTORIES =
      List.of(
          new Factory(
              "三明纺织厂",
              List.of(
                  trade("挡车工", Gender.FEMALE, PostingKind.FACTORY, "纺织操作"),
                  trade("细纱工", Gender.FEMALE, PostingKind.FACTORY, "纺织操作"),
                  trade("保全工", Gender.MALE, PostingKind.MACHINERY, "设备维修"))),
          new Factory(
              "三明钢铁厂",
              List.of(
                  trade("炉前工", Gender.MALE, PostingKind.FACTORY, "冶炼操作"),
                  trade("天车工", null, PostingKind.FACTORY, "天车操作"),
                  ELECTRICIAN)),
          new Factory(
              "三明化工厂", List.of(trade("化工操作工", null, PostingKind.FACTORY, "化工操作"), STOREKEEPER)),
          new Factory(
              "三明重型机器厂",
              List.of(
                  trade("车工", null, PostingKind.MACHINERY, "车床操作"),
                  trade("钳工", Gender.MALE, PostingKind.MACHINERY, "钳工"),
                  WELDER)),
          new Factory(
              "三明市百货公司",
              List.of(
                  trade("营业员", Gender.FEMALE, PostingKind.RETAIL, "销售", "收银"),
                  trade("会计", null, PostingKind.PUBLIC_SERVICE, "记账", "电脑操作"),
                  STOREKEEPER)),
          new Factory(
              "三明印染厂",
              List.of(
                  trade("印染工", null, PostingKind.FACTORY, "印染"),
                  trade("质检员", Gender.FEMALE, PostingKind.FACTORY, "质量检验"))),
          new Factory(
              "三明市第一建筑工程公司",
              List.of(
                  trade("木工", Gender.MALE, null, "木工"),
                  trade("泥水工", Gender.MALE, null, "泥水"),
                  ELECTRICIAN)));

  private static final List<String> AFTER_LAYOFF_FEMALE =
      List.of("；下岗后做过钟点工和商场保洁", "；之后在菜市场摆摊卖菜{years}年", "；后来在餐馆帮厨，{year}年餐馆关门", "；之后在家照顾老人和孙辈", "");
  private static final List<String> AFTER_LAYOFF_MALE =
      List.of(
          "；之后在工地打零工，近年腰不好干不了重活", "；下岗后开过{years}年摩的", "；后来在私营厂打工，{year}年企业关停", "；之后在小区做过几年保安", "");

  /** A job of the 2000s and 2010s and where it was: factories down the coast, services here. */
  private record LaterJob(String place, Trade trade) {}

  private static final Trade LINE_WORKER = trade("流水线普工", null, PostingKind.FACTORY, "流水线操作");

  private static final List<LaterJob> LATER_JOBS =
      List.of(
          new LaterJob("厦门的电子厂", LINE_WORKER),
          new LaterJob("泉州的鞋厂", LINE_WORKER),
          new LaterJob("深圳的电子厂", LINE_WORKER),
          new LaterJob("晋江的服装厂", trade("缝纫工", Gender.FEMALE, PostingKind.FACTORY, "缝纫")),
          new LaterJob("东莞的玩具厂", trade("质检员", null, PostingKind.FACTORY, "质量检验")),
          new LaterJob("本地超市", trade("收银员", Gender.FEMALE, PostingKind.RETAIL, "收银")),
          new LaterJob("本地餐馆", trade("帮厨", null, PostingKind.CATERING, "切配", "做饭")),
          new LaterJob("快递公司网点", trade("快递员", Gender.MALE, PostingKind.DELIVERY, "快递派送", "电动车驾驶")),
          new LaterJob(
              "本地物流公司", licensed("送货司机", Gender.MALE, PostingKind.DELIVERY, "C1驾驶证", 1.0, "驾驶")),
          new LaterJob(
              "装修公司", licensed("水电工", Gender.MALE, PostingKind.MACHINERY, "电工特种作业操作证", 0.5, "电工")),
          new LaterJob(
              "本地物业公司", licensed("保安", Gender.MALE, PostingKind.SECURITY, "保安员证", 0.6, "巡逻")),
          new LaterJob(
              "家政公司", licensed("钟点工", Gender.FEMALE, PostingKind.HOUSEHOLD, "健康证", 0.6, "家庭保洁")),
          new LaterJob("私立幼儿园", trade("保育员", Gender.FEMALE, PostingKind.HOUSEHOLD, "照顾婴幼儿")));

  private static final List<String> LEAVING_REASONS = List.of("回三明照顾老人", "企业裁员", "合同到期未续签");
  private static final List<String> MOTHERS_REASONS = List.of("生孩子后辞职", "孩子上学需要接送");

  private record Major(String name, PostingKind kind, String skill) {}

  private static final List<Major> MAJORS =
      List.of(
          new Major("会计", PostingKind.PUBLIC_SERVICE, "记账"),
          new Major("市场营销", PostingKind.RETAIL, "销售"),
          new Major("机电一体化", PostingKind.MACHINERY, "机械装配"),
          new Major("护理", PostingKind.ELDERLY_CARE, "基础护理"),
          new Major("电子商务", PostingKind.RETAIL, "电脑操作"),
          new Major("计算机应用", PostingKind.PUBLIC_SERVICE, "电脑操作"),
          new Major("物流管理", PostingKind.DELIVERY, "仓库管理"),
          new Major("学前教育", PostingKind.HOUSEHOLD, "照顾婴幼儿"),
          new Major("烹饪", PostingKind.CATERING, "做饭"));

  private static final List<String> GRADUATE_OUTCOMES =
      List.of("尚未找到合适工作", "实习过{months}个月", "做过半年外卖兼职", "备考公务员未果，想先就业");

  private WorkHistories() {}

  /** The history of the demo's first resident, who logs in as {@code resident}. */
  static History persona() {
    return new History(
        "曾在三明纺织厂做挡车工12年，2009年下岗；下岗后做过钟点工和商场保洁",
        Education.JUNIOR_HIGH,
        List.of("纺织操作", "家庭保洁"),
        List.of("健康证"),
        PostingKind.CLEANING);
  }

  /** A history that fits the person's gender and the year they were born. */
  static History draw(Random random, Gender gender, int birthYear, int currentYear) {
    if (birthYear <= 1978) {
      return laidOff(random, gender, birthYear, currentYear);
    }
    if (currentYear - birthYear <= 26 && random.nextInt(10) < 7) {
      return graduate(random, birthYear, currentYear);
    }
    if (gender == Gender.FEMALE && random.nextInt(4) == 0) {
      int years = 2 + random.nextInt(Math.max(1, Math.min(10, currentYear - birthYear - 22)));
      return new History(
          "婚后在家照顾孩子" + years + "年，孩子上学后想找离家近的工作",
          pick(random, Education.JUNIOR_HIGH, Education.SENIOR_HIGH, Education.VOCATIONAL),
          List.of("做饭", "家庭保洁"),
          List.of(),
          PostingKind.HOUSEHOLD);
    }
    return laterWork(random, gender, birthYear, currentYear);
  }

  private static History laidOff(Random random, Gender gender, int birthYear, int currentYear) {
    Factory factory = STATE_FACTORIES.get(random.nextInt(STATE_FACTORIES.size()));
    Trade trade = suitable(random, factory.trades(), gender);
    int start = birthYear + 17 + random.nextInt(5);
    int firstLayoff = Math.max(start + 3, 1997);
    int layoff = firstLayoff + random.nextInt(Math.max(1, 2010 - firstLayoff + 1));
    List<String> after = gender == Gender.FEMALE ? AFTER_LAYOFF_FEMALE : AFTER_LAYOFF_MALE;
    String tail = after.get(random.nextInt(after.size()));
    int span = Math.max(1, currentYear - layoff - 1);
    tail =
        tail.replace("{year}", Integer.toString(layoff + 1 + random.nextInt(span)))
            .replace("{years}", Integer.toString(1 + random.nextInt(Math.min(span, 12))));
    String text =
        "曾在" + factory.name() + "做" + trade.job() + (layoff - start) + "年，" + layoff + "年下岗" + tail;
    Education education =
        pick(
            random,
            Education.PRIMARY,
            Education.JUNIOR_HIGH,
            Education.JUNIOR_HIGH,
            Education.SENIOR_HIGH,
            Education.VOCATIONAL);
    return new History(text, education, trade.skills(), licences(random, trade), trade.kind());
  }

  private static History laterWork(Random random, Gender gender, int birthYear, int currentYear) {
    List<LaterJob> fitting = LATER_JOBS.stream().filter(j -> j.trade().suits(gender)).toList();
    LaterJob job = fitting.get(random.nextInt(fitting.size()));
    Trade trade = job.trade();
    int firstYear = birthYear + 18;
    int end = Math.max(firstYear + 1, currentYear - random.nextInt(5));
    int years = 1 + random.nextInt(Math.max(1, Math.min(15, end - firstYear)));
    List<String> reasons = new ArrayList<>(LEAVING_REASONS);
    reasons.add(job.place().endsWith("厂") ? "工厂外迁" : "单位关门");
    if (gender == Gender.FEMALE) {
      reasons.addAll(MOTHERS_REASONS);
    }
    String reason = reasons.get(random.nextInt(reasons.size()));
    String text = "在" + job.place() + "做" + trade.job() + years + "年，" + end + "年" + reason;
    Education education =
        pick(
            random,
            Education.JUNIOR_HIGH,
            Education.JUNIOR_HIGH,
            Education.SENIOR_HIGH,
            Education.VOCATIONAL,
            Education.ASSOCIATE);
    return new History(text, education, trade.skills(), licences(random, trade), trade.kind());
  }

  private static History graduate(Random random, int birthYear, int currentYear) {
    Major major = MAJORS.get(random.nextInt(MAJORS.size()));
    Education education =
        pick(
            random,
            Education.VOCATIONAL,
            Education.ASSOCIATE,
            Education.ASSOCIATE,
            Education.BACHELOR,
            Education.BACHELOR,
            Education.MASTER);
    String school;
    int age;
    switch (education) {
      case VOCATIONAL -> {
        school = "三元区职业中专";
        age = 19;
      }
      case ASSOCIATE -> {
        school = random.nextBoolean() ? "三明医学科技职业学院" : "福建林业职业技术学院";
        age = 21;
      }
      case BACHELOR -> {
        school = "三明学院";
        age = 22;
      }
      default -> {
        school = "福建师范大学";
        age = 25;
      }
    }
    int year = Math.min(currentYear, birthYear + age);
    String outcome = GRADUATE_OUTCOMES.get(random.nextInt(GRADUATE_OUTCOMES.size()));
    outcome = outcome.replace("{months}", Integer.toString(2 + random.nextInt(5)));
    String text = year + "年毕业于" + school + major.name() + "专业，" + outcome;
    List<String> licences = new ArrayList<>();
    if (major.kind() == PostingKind.MACHINERY && random.nextInt(3) == 0) {
      licences.add("电工特种作业操作证");
    }
    return new History(text, education, List.of(major.skill()), licences, major.kind());
  }

  private static Trade suitable(Random random, List<Trade> trades, Gender gender) {
    List<Trade> fitting = trades.stream().filter(t -> t.suits(gender)).toList();
    List<Trade> from = fitting.isEmpty() ? trades : fitting;
    return from.get(random.nextInt(from.size()));
  }

  private static List<String> licences(Random random, Trade trade) {
    return trade.licence() != null && random.nextDouble() < trade.licenceRate()
        ? List.of(trade.licence())
        : List.of();
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
