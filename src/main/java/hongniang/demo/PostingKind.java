package hongniang.demo;

import hongniang.common.Education;
import hongniang.common.Schedule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kinds of work the street office's report describes, each with its usual titles, wages and
 * requirements in Sanming in the 2020s; only the cleaning, patrol, greening and public-service
 * kinds have a public-welfare variant.
 */
enum PostingKind {
  CLEANING(
      List.of(
          job("小区保洁员", "清洁卫生,垃圾分类", "保洁员"),
          job("写字楼保洁员", "清洁卫生,玻璃清洗", "保洁员"),
          job("商场保洁员", "清洁卫生,地面养护", "保洁员"),
          job("医院保洁员", "清洁卫生,消毒", "保洁员", "健康证")),
      job("社区环境保洁员（公益性岗位）", "清洁卫生,垃圾分类", "保洁员"),
      new Pay(2000, 3000),
      List.of(Schedule.FULL_TIME, Schedule.PART_TIME, Schedule.SHIFT),
      new Terms(60, List.of(Education.NONE), 6, 0.0, 0.1),
      "负责公共区域的日常清扫、垃圾清运和分类",
      List.of("包午餐", "缴纳意外险", "节假日加班另计")),
  SECURITY(
      List.of(
          job("小区保安员", "巡逻,监控值守", "保安员", "保安员证"),
          job("门岗保安员", "门岗值守,车辆疏导", "保安员", "保安员证"),
          job("商场夜班保安", "巡逻,消防器材使用", "保安员", "保安员证"),
          job("停车场管理员", "车辆疏导,收费管理", "停车管理员")),
      job("社区治安巡防员（公益性岗位）", "巡逻,治安防范", "治安巡防员"),
      new Pay(2500, 3500),
      List.of(Schedule.SHIFT, Schedule.FULL_TIME),
      new Terms(55, List.of(Education.NONE, Education.JUNIOR_HIGH), 6, 0.1, 0.0),
      "负责门岗值守、区域巡逻和车辆疏导，做好防火防盗",
      List.of("两班倒，月休4天", "提供工作餐", "缴纳五险")),
  GREENING(
      List.of(
          job("绿化养护工", "花木修剪,浇灌施肥", "绿化工"),
          job("园林绿化工", "花木修剪,草坪养护", "绿化工"),
          job("苗木养护员", "病虫害防治,浇灌施肥", "绿化工")),
      job("社区绿化养护员（公益性岗位）", "花木修剪,草坪养护", "绿化工"),
      new Pay(2200, 3200),
      List.of(Schedule.FULL_TIME),
      new Terms(60, List.of(Education.NONE), 5, 0.0, 0.05),
      "负责小区和道路绿地的修剪、浇灌、施肥和除草",
      List.of("包午餐", "雨天不出工照常计薪")),
  PUBLIC_SERVICE(
      List.of(
          job("社区公共服务协管员", "信息登记,沟通协调", "社区协管员"),
          job("劳动保障协理员", "电脑操作,政策宣传", "社区协管员"),
          job("便民服务站协管员", "沟通协调,电脑操作", "社区协管员"),
          job("公厕管理员", "清洁卫生", "公厕管理员")),
      job("社区公共服务岗（公益性岗位）", "信息登记,政策宣传", "社区协管员"),
      new Pay(2000, 2800),
      List.of(Schedule.FULL_TIME, Schedule.PART_TIME),
      new Terms(55, List.of(Education.JUNIOR_HIGH, Education.SENIOR_HIGH), 4, 0.0, 0.3),
      "协助社区做好人口信息登记、政策宣传、便民服务和环境巡查",
      List.of("按月发放岗位补贴", "缴纳社会保险")),
  HOUSEHOLD(
      List.of(
          job("住家保姆", "做饭,家庭保洁,照顾老人", "家政服务员", "健康证"),
          job("钟点工", "家庭保洁,衣物洗熨", "家政服务员", "健康证"),
          job("家庭保洁员", "家庭保洁,玻璃清洗", "家政服务员", "健康证"),
          job("月嫂", "照顾婴幼儿,做饭", "育婴员", "健康证")),
      null,
      new Pay(2500, 5000),
      List.of(Schedule.FLEXIBLE, Schedule.PART_TIME, Schedule.FULL_TIME),
      new Terms(58, List.of(Education.NONE), 3, 0.3, 0.0),
      "为雇主家庭提供保洁、做饭和照护服务，服务时间可协商",
      List.of("按小时计费", "住家包吃住", "满一年有奖励")),
  ELDERLY_CARE(
      List.of(
          job("养老护理员", "生活照料,基础护理", "养老护理员", "健康证"),
          job("居家养老服务员", "生活照料,助浴助餐", "养老护理员", "健康证"),
          job("助餐送餐员", "配餐送餐,做饭", "助餐员", "健康证")),
      null,
      new Pay(2800, 4500),
      List.of(Schedule.SHIFT, Schedule.FULL_TIME, Schedule.FLEXIBLE),
      new Terms(55, List.of(Education.NONE, Education.JUNIOR_HIGH), 5, 0.2, 0.05),
      "为居家和机构老人提供生活照料、助餐助浴和陪护服务",
      List.of("提供岗前培训", "持养老护理员证者优先", "包食宿")),
  CATERING(
      List.of(
          job("餐厅服务员", "餐饮服务", "餐厅服务员", "健康证"),
          job("帮厨", "切配,做饭", "厨工", "健康证"),
          job("食堂厨工", "做饭,切配", "厨工", "健康证"),
          job("面点师", "面点制作", "面点师", "健康证")),
      null,
      new Pay(2500, 4000),
      List.of(Schedule.FULL_TIME, Schedule.SHIFT, Schedule.PART_TIME),
      new Terms(50, List.of(Education.NONE), 5, 0.3, 0.05),
      "负责点餐传菜、切配和后厨卫生",
      List.of("包吃", "月休4天", "包吃住")),
  RETAIL(
      List.of(
          job("超市营业员", "销售,理货", "营业员"),
          job("收银员", "收银", "收银员"),
          job("理货员", "理货", "理货员"),
          job("生鲜区营业员", "销售,生鲜处理", "营业员", "健康证"),
          job("服装导购", "销售", "导购员")),
      null,
      new Pay(2300, 3500),
      List.of(Schedule.FULL_TIME, Schedule.SHIFT, Schedule.PART_TIME),
      new Terms(45, List.of(Education.JUNIOR_HIGH, Education.SENIOR_HIGH), 6, 0.0, 0.1),
      "负责商品陈列、收银和顾客接待",
      List.of("早晚班轮换", "有销售提成")),
  FACTORY(
      List.of(
          job("纺织挡车工", "纺织操作", "挡车工"),
          job("流水线普工", "流水线操作", "普工"),
          job("包装工", "包装", "包装工"),
          job("缝纫工", "缝纫", "缝纫工"),
          job("质检员", "质量检验", "质检员"),
          job("仓库管理员", "仓库管理,电脑操作", "仓管员")),
      null,
      new Pay(3500, 6000),
      List.of(Schedule.SHIFT, Schedule.FULL_TIME),
      new Terms(45, List.of(Education.NONE, Education.JUNIOR_HIGH), 30, 0.2, 0.05),
      "在车间从事生产操作，岗前有师傅带教",
      List.of("计件工资，多劳多得", "包午餐", "缴纳五险一金", "提供集体宿舍")),
  MACHINERY(
      List.of(
          job("机修工", "设备维修", "机修工"),
          job("维修电工", "电工,设备维修", "电工", "电工特种作业操作证"),
          job("电焊工", "电焊", "焊工", "焊工特种作业操作证"),
          job("车工", "车床操作", "车工"),
          job("钳工", "钳工", "钳工"),
          job("装配工", "机械装配", "装配工"),
          job("叉车司机", "叉车驾驶", "叉车司机", "叉车证")),
      null,
      new Pay(3800, 6000),
      List.of(Schedule.SHIFT, Schedule.FULL_TIME),
      new Terms(50, List.of(Education.JUNIOR_HIGH, Education.VOCATIONAL), 5, 0.1, 0.0),
      "负责设备的安装、维修和保养，参与机械设备装配",
      List.of("有经验者工资面议", "缴纳五险", "包午餐")),
  DELIVERY(
      List.of(
          job("快递员", "快递派送,电动车驾驶", "快递员"),
          job("外卖配送员", "电动车驾驶", "配送员"),
          job("同城配送员", "快递派送,电动车驾驶", "配送员"),
          job("送货司机", "驾驶,客户沟通", "驾驶员", "C1驾驶证")),
      null,
      new Pay(3500, 6500),
      List.of(Schedule.FULL_TIME, Schedule.FLEXIBLE),
      new Terms(45, List.of(Education.NONE, Education.JUNIOR_HIGH), 10, 0.1, 0.0),
      "负责片区快件或商品的收取和派送",
      List.of("按件计酬", "公司提供电动车", "缴纳意外险")),
  OUTSIDE(
      List.of(
          job("电子厂流水线普工", "流水线操作", "普工"),
          job("鞋厂成型车间普工", "流水线操作", "普工"),
          job("纺织厂挡车工", "纺织操作", "挡车工"),
          job("物流园分拣员", "分拣打包", "分拣员"),
          job("注塑机操作工", "设备操作", "操作工")),
      null,
      new Pay(5000, 8000),
      List.of(Schedule.SHIFT, Schedule.FULL_TIME),
      new Terms(45, List.of(Education.NONE, Education.JUNIOR_HIGH), 60, 0.9, 0.0),
      "外出务工岗位，在外地工厂从事生产操作，社区统一组织报名和送岗",
      List.of("包吃住", "报销来回车费", "加班费另计"));

  /** A title, the skills it asks for, the occupation it belongs to, the licences it requires. */
  record Job(String title, List<String> skills, String occupation, List<String> licences) {}

  /** The usual monthly wage range in yuan. */
  record Pay(int low, int high) {}

  /**
   * Requirements and perks: the age limit employers often set, the education minimums they ask for,
   * the largest headcount, and how often the posting offers lodging or suits the disabled.
   */
  record Terms(
      int maxAge,
      List<Education> educations,
      int maxHeadcount,
      double accommodationRate,
      double disabilityFriendlyRate) {}

  final List<Job> jobs;
  final Job welfareJob;
  final Pay pay;
  final List<Schedule> schedules;
  final Terms terms;
  final String duty;
  final List<String> wageNotes;

  PostingKind(
      List<Job> jobs,
      Job welfareJob,
      Pay pay,
      List<Schedule> schedules,
      Terms terms,
      String duty,
      List<String> wageNotes) {
    this.jobs = jobs;
    this.welfareJob = welfareJob;
    this.pay = pay;
    this.schedules = schedules;
    this.terms = terms;
    this.duty = duty;
    this.wageNotes = wageNotes;
  }

  /** Public-welfare posts are funded only for cleaning, patrol, greening and public services. */
  boolean allowsPublicWelfare() {
    return welfareJob != null;
  }

  /** The occupations of this kind, the public-welfare one included. */
  List<String> occupations() {
    Stream<Job> all =
        welfareJob == null ? jobs.stream() : Stream.concat(jobs.stream(), Stream.of(welfareJob));
    return all.map(Job::occupation).distinct().toList();
  }

  /** The skills the kind's jobs ask for, for residents who want this kind of work. */
  List<String> skills() {
    return jobs.stream().flatMap(j -> j.skills().stream()).distinct().toList();
  }

  private static Job job(String title, String skills, String occupation, String... licences) {
    return new Job(title, List.of(skills.split(",")), occupation, List.of(licences));
  }
}
