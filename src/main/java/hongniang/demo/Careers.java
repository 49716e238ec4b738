package hongniang.demo;

import static hongniang.referrals.RefusalReason.DISTANCE;
import static hongniang.referrals.RefusalReason.EXPERIENCE;
import static hongniang.referrals.RefusalReason.FAMILY;
import static hongniang.referrals.RefusalReason.FOUND_OTHER_WORK;
import static hongniang.referrals.RefusalReason.HEALTH;
import static hongniang.referrals.RefusalReason.HOURS;
import static hongniang.referrals.RefusalReason.NOT_ELIGIBLE;
import static hongniang.referrals.RefusalReason.NOT_SUITABLE;
import static hongniang.referrals.RefusalReason.NO_SHOW;
import static hongniang.referrals.RefusalReason.OTHER;
import static hongniang.referrals.RefusalReason.POSITION_FILLED;
import static hongniang.referrals.RefusalReason.RESIDENT_UNREACHABLE;
import static hongniang.referrals.RefusalReason.SKILLS;
import static hongniang.referrals.RefusalReason.WAGE;
import static hongniang.referrals.RefusalReason.WAGE_EXPECTATIONS;

import hongniang.demo.UnitCatalogue.OutsideCity;
import hongniang.placements.LeaveReason;
import hongniang.placements.PlacementType;
import hongniang.referrals.ConsentMethod;
import hongniang.referrals.RefusalReason;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * How work is found and lost around the street office: why residents and employers say no, work
 * found without a posting (platforms, households, the coast, a business of one's own) with its pay,
 * why people leave, and the words matchmakers write in references and notes.
 */
final class Careers {

  /** Residents turn a proposal down for the wage, the distance and the hours most. */
  static final Weights<RefusalReason> RESIDENT_REFUSALS =
      new Weights<RefusalReason>()
          .add(WAGE, 30)
          .add(DISTANCE, 22)
          .add(HOURS, 20)
          .add(FAMILY, 12)
          .add(HEALTH, 8)
          .add(FOUND_OTHER_WORK, 4)
          .add(OTHER, 4);

  /** An employer's no on reading the candidate: skills and experience most. */
  static final Weights<RefusalReason> EMPLOYER_REFUSALS =
      new Weights<RefusalReason>()
          .add(SKILLS, 30)
          .add(EXPERIENCE, 30)
          .add(POSITION_FILLED, 18)
          .add(WAGE_EXPECTATIONS, 14)
          .add(OTHER, 8);

  /** An employer's no after the interview: no show comes in here. */
  static final Weights<RefusalReason> AFTER_INTERVIEW =
      new Weights<RefusalReason>()
          .add(SKILLS, 24)
          .add(EXPERIENCE, 24)
          .add(NO_SHOW, 22)
          .add(WAGE_EXPECTATIONS, 14)
          .add(POSITION_FILLED, 10)
          .add(OTHER, 6);

  /** A matchmaker declining a resident's request. */
  static final Weights<RefusalReason> REQUEST_DECLINED =
      new Weights<RefusalReason>().add(NOT_ELIGIBLE, 45).add(NOT_SUITABLE, 45).add(OTHER, 10);

  /** A matchmaker withdrawing a referral that went quiet. */
  static final Weights<RefusalReason> STAFF_WITHDRAWALS =
      new Weights<RefusalReason>()
          .add(RESIDENT_UNREACHABLE, 40)
          .add(FOUND_OTHER_WORK, 20)
          .add(FAMILY, 15)
          .add(HEALTH, 10)
          .add(NOT_SUITABLE, 8)
          .add(OTHER, 7);

  /** How staff record a consent on the resident's behalf: mostly in person, often by phone. */
  static final Weights<ConsentMethod> STAFF_CONSENTS =
      new Weights<ConsentMethod>()
          .add(ConsentMethod.IN_PERSON_SIGNATURE, 55)
          .add(ConsentMethod.PHONE_CALL, 35)
          .add(ConsentMethod.PAPER_FORM, 10);

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Careers() {}

  /** The note an OTHER reason needs; nothing for the listed reasons. */
  static String otherNote(Random random, RefusalReason reason, boolean employer) {
    if (reason != OTHER) {
      return null;
    }
    List<String> notes =
        employer
            ? List.of("单位调整招聘计划，暂停招人", "岗位需要上夜班，居民不便", "单位希望招有驾照的人员")
            : List.of("孩子放暑假需要照看", "想等春节后再找工作", "居民已搬离社区", "居民要求暂缓推荐");
    return notes.get(random.nextInt(notes.size()));
  }

  /** The reference a matchmaker writes for a consent recorded on the resident's behalf. */
  static String consentReference(
      Random random, ConsentMethod method, String community, LocalDateTime at) {
    String serial = String.format("%04d", 1 + random.nextInt(9999));
    return switch (method) {
      case IN_PERSON_SIGNATURE -> community + "社区推荐同意书 " + at.getYear() + "-" + serial;
      case PAPER_FORM -> community + "社区纸质同意书第" + at.getYear() + serial + "号";
      case PHONE_CALL -> at.format(MINUTE) + " 社区座机致电确认，已告知共享信息";
      case ONLINE -> null;
    };
  }

  /** Why someone left work of this type, as a follow-up finds it. */
  static LeaveReason leaveReason(Random random, PlacementType type) {
    Weights<LeaveReason> weights =
        switch (type) {
          case OUTSIDE_WORK ->
              new Weights<LeaveReason>()
                  .add(LeaveReason.FAMILY, 40)
                  .add(LeaveReason.CONTRACT_ENDED, 30)
                  .add(LeaveReason.WAGE, 15)
                  .add(LeaveReason.HEALTH, 10)
                  .add(LeaveReason.OTHER, 5);
          case HOUSEHOLD_SERVICE ->
              new Weights<LeaveReason>()
                  .add(LeaveReason.HOURS, 25)
                  .add(LeaveReason.WAGE, 25)
                  .add(LeaveReason.FAMILY, 20)
                  .add(LeaveReason.HEALTH, 15)
                  .add(LeaveReason.DISMISSED, 10)
                  .add(LeaveReason.OTHER, 5);
          case PUBLIC_WELFARE ->
              new Weights<LeaveReason>()
                  .add(LeaveReason.CONTRACT_ENDED, 60)
                  .add(LeaveReason.HEALTH, 20)
                  .add(LeaveReason.FAMILY, 20);
          case SELF_EMPLOYED ->
              new Weights<LeaveReason>()
                  .add(LeaveReason.OTHER, 50)
                  .add(LeaveReason.FAMILY, 25)
                  .add(LeaveReason.HEALTH, 25);
          default ->
              new Weights<LeaveReason>()
                  .add(LeaveReason.WAGE, 28)
                  .add(LeaveReason.HOURS, 22)
                  .add(LeaveReason.HEALTH, 15)
                  .add(LeaveReason.FAMILY, 15)
                  .add(LeaveReason.DISMISSED, 10)
                  .add(LeaveReason.CONTRACT_ENDED, 5)
                  .add(LeaveReason.OTHER, 5);
        };
    return weights.pick(random);
  }

  /** The note a follow-up that found the resident gone for another reason needs. */
  static String leaveNote(Random random, LeaveReason reason, PlacementType type) {
    if (reason != LeaveReason.OTHER) {
      return null;
    }
    List<String> notes =
        type == PlacementType.SELF_EMPLOYED
            ? List.of("经营不善，店铺已转让", "租约到期，暂停营业")
            : List.of("随子女到外地生活", "回老家照顾老人", "准备参加技能培训后再就业");
    return notes.get(random.nextInt(notes.size()));
  }

  /** Work found without a posting: who employs, what it pays, for how long. */
  record FoundWork(String employerName, int wage, Integer contractMonths, String note) {}

  private record Flexible(String employer, int low, int high, boolean men) {}

  private static final List<Flexible> FLEXIBLE_WORK =
      List.of(
          new Flexible("美团外卖众包配送", 3500, 5500, true),
          new Flexible("饿了么蜂鸟众包配送", 3300, 5200, true),
          new Flexible("个体钟点工（多户雇主）", 2000, 3500, false),
          new Flexible("超市促销员（临时）", 2000, 3000, false),
          new Flexible("夜市摊位帮工", 1800, 2800, false),
          new Flexible("装修零工", 3000, 5000, true),
          new Flexible("小区便民家电维修（个体）", 2500, 4500, true),
          new Flexible("社区托管班午托帮工", 1800, 2600, false));

  private static final List<String> HOUSEHOLDS =
      List.of("个人雇主（住家保姆）", "个人雇主（钟点工）", "个人雇主（照护老人）", "个人雇主（月嫂）");

  private static final List<String> BUSINESSES =
      List.of("早餐店", "社区便利店", "家政服务工作室", "小吃摊", "服装网店", "水果店", "裁缝铺", "家电维修铺");

  /** Flexible work (灵活就业): platforms, odd jobs, hours for several households. */
  static FoundWork flexible(Random random, boolean man) {
    List<Flexible> fitting = FLEXIBLE_WORK.stream().filter(f -> f.men() == man).toList();
    Flexible f = fitting.get(random.nextInt(fitting.size()));
    return new FoundWork(f.employer(), wage(random, f.low(), f.high()), null, "居民自行找到，社区登记");
  }

  /** Household service (家政) with a family found by word of mouth. */
  static FoundWork household(Random random) {
    return new FoundWork(
        HOUSEHOLDS.get(random.nextInt(HOUSEHOLDS.size())),
        wage(random, 2500, 5000),
        random.nextInt(3) == 0 ? 12 : null,
        "经邻居介绍到雇主家服务");
  }

  /** Work on the coast (外出务工) that relatives or fellow villagers found. */
  static FoundWork outside(Random random) {
    OutsideCity city =
        UnitCatalogue.OUTSIDE_CITIES.get(random.nextInt(UnitCatalogue.OUTSIDE_CITIES.size()));
    String name =
        city.shortName()
            + UnitCatalogue.TRADE_NAMES[random.nextInt(UnitCatalogue.TRADE_NAMES.length)]
            + UnitCatalogue.OUTSIDE_TRADES.get(random.nextInt(UnitCatalogue.OUTSIDE_TRADES.size()));
    return new FoundWork(
        name, wage(random, 4800, 7500), 6 + 2 * random.nextInt(4), "随老乡到" + city.city() + "务工");
  }

  /** A job with a local employer that is not a partner. */
  static FoundWork formal(Random random) {
    UnitCatalogue.Industry industry =
        UnitCatalogue.INDUSTRIES.get(random.nextInt(UnitCatalogue.INDUSTRIES.size()));
    String name =
        "三明"
            + UnitCatalogue.TRADE_NAMES[random.nextInt(UnitCatalogue.TRADE_NAMES.length)]
            + industry.suffix();
    return new FoundWork(
        name, wage(random, 2300, 5000), 12 * (1 + random.nextInt(3)), "居民自行应聘，社区登记");
  }

  /** A business of one's own (自主创业), after the entrepreneurship course most often. */
  static FoundWork business(Random random) {
    return new FoundWork(
        "自主创业：" + BUSINESSES.get(random.nextInt(BUSINESSES.size())),
        wage(random, 3000, 7000),
        null,
        "申请了创业担保贷款");
  }

  /** A monthly wage between the two, in hundreds of yuan. */
  static int wage(Random random, int low, int high) {
    return low + 100 * random.nextInt((high - low) / 100 + 1);
  }

  /** What a follow-up that found another job writes. */
  static String changedJobNote(Random random) {
    List<String> notes = List.of("已换到同行业另一家单位，仍在就业", "转为计件岗位，收入有所提高", "换到离家近的单位上班");
    return notes.get(random.nextInt(notes.size()));
  }

  /** What an unreachable follow-up writes. */
  static String unreachableNote(Random random) {
    List<String> notes = List.of("电话多次未接通", "手机停机，已请邻居转告", "本人在外地，家属未能联系上");
    return notes.get(random.nextInt(notes.size()));
  }

  /** Where an interview takes place: at the unit, or for the coast's factories in the community. */
  static String interviewPlace(Random random, DemoUnit unit, String community) {
    if (unit.isOutside()) {
      return community + "社区便民服务站（厂方来三明现场招工）";
    }
    List<String> rooms = List.of("人事部", "办公室", "一楼会议室", "门卫室旁办公室");
    return unit.address() + rooms.get(random.nextInt(rooms.size()));
  }

  /** A day between the two, both included. */
  static LocalDate dayBetween(Random random, LocalDate from, LocalDate to) {
    long span = to.toEpochDay() - from.toEpochDay();
    return span <= 0 ? from : from.plusDays(random.nextInt((int) span + 1));
  }
}
