package hongniang.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each category with sentences it must find (and how it weighs them) and look-alikes it must leave
 * alone: context, negation, a lawful requirement or the job's own reason.
 */
class ScreeningCategoriesTest {

  private static Set<String> categories(String text) {
    return TestScreener.description(text).findings().stream()
        .map(Finding::category)
        .collect(Collectors.toSet());
  }

  private static void finds(String category, Severity severity, String... texts) {
    for (String text : texts) {
      Screening s = TestScreener.description(text);
      List<Finding> of = s.findings().stream().filter(f -> f.category().equals(category)).toList();
      assertFalse(of.isEmpty(), category + " not found in 「" + text + "」: " + s.findings());
      Severity strongest = of.stream().anyMatch(Finding::blocks) ? Severity.BLOCK : Severity.WARN;
      assertEquals(severity, strongest, "severity of 「" + text + "」: " + of);
    }
  }

  private static void leaves(String category, String... texts) {
    for (String text : texts) {
      assertFalse(
          categories(text).contains(category),
          category + " found in 「" + text + "」: " + TestScreener.description(text).findings());
    }
  }

  @Test
  void gender() {
    finds(
        "gender",
        Severity.BLOCK,
        "车间保洁员（限女性）",
        "只招男性",
        "男性优先",
        "诚聘女服务员5名",
        "性别：女",
        "女士勿扰",
        "女性，初中以上文化",
        "该岗位不考虑女性",
        "前台接待：女，形象好");
    finds("gender", Severity.WARN, "超市理货员，适合女性");
    leaves(
        "gender",
        "女装店店员",
        "男士理发店理发师",
        "不限性别",
        "男女不限",
        "男女均可",
        "男女服务员各2名",
        "女职工享受产假",
        "负责女性健康讲座的组织",
        "女性内衣专柜导购",
        "女浴室服务员（限女性）",
        "矿井下作业，男性（国家规定女职工禁忌劳动范围）");
  }

  @Test
  void marriageAndChildbearing() {
    finds(
        "marriage",
        Severity.BLOCK,
        "已婚已育优先",
        "限未育",
        "两年内无生育计划",
        "孕妇勿扰",
        "入职体检含孕检项目",
        "宝妈优先",
        "需提供婚育证明",
        "三年内不得怀孕");
    finds("marriage", Severity.WARN, "工作期间如有怀孕请及时告知");
    leaves(
        "marriage",
        "孕妇瑜伽馆前台",
        "已婚未婚均可",
        "婚否不限",
        "提供单身公寓",
        "已婚员工可申请夫妻房",
        "孕期、哺乳期按国家规定享受休假",
        "母婴店营业员，熟悉孕婴用品",
        "适合宝妈，时间灵活");
  }

  @Test
  void ethnicityAndReligion() {
    finds(
        "ethnicity",
        Severity.BLOCK,
        "限汉族",
        "少数民族勿扰",
        "民族：汉族",
        "汉族优先",
        "信教者勿扰",
        "要求无宗教信仰",
        "信仰基督教者优先");
    finds("ethnicity", Severity.WARN, "苗族");
    leaves(
        "ethnicity",
        "民族乐器店销售",
        "民族不限",
        "同等条件下少数民族优先录用",
        "苗族刺绣工坊招学徒",
        "回族自治县项目部施工员",
        "汉族和少数民族员工一视同仁",
        "对户籍、民族、宗教信仰无要求");
  }

  @Test
  void householdRegistrationAndOrigin() {
    finds(
        "origin",
        Severity.BLOCK,
        "限本地户籍",
        "外地人勿扰",
        "限三元区户籍",
        "本地人优先",
        "河南人勿扰",
        "农村户口免谈",
        "本地户籍，初中以上学历");
    leaves(
        "origin",
        "不限户籍",
        "本地户籍、外地户籍均可",
        "欢迎外地务工人员",
        "熟悉本地路况者优先",
        "需提供户口本复印件",
        "本岗位为公益性岗位，限本地登记的就业困难人员");
  }

  @Test
  void disability() {
    finds("disability", Severity.BLOCK, "身体健全，能吃苦", "残疾人勿扰", "肢体健全无残疾", "无任何残疾", "残疾人员不予考虑");
    leaves("disability", "欢迎残疾人报名", "残疾人优先，工作环境无障碍", "持残疾证者可享受税收优惠岗位", "身体健康，能适应倒班", "高空作业，要求身体健全");
  }

  @Test
  void infectiousDiseaseCarriers() {
    finds("disease", Severity.BLOCK, "乙肝携带者勿扰", "入职需查乙肝五项", "HIV阳性勿投", "体检需包含两对半", "无乙肝");
    finds("disease", Severity.WARN, "办公室文员，要求无传染性疾病");
    leaves("disease", "须持健康证上岗", "乙肝疫苗接种门诊护士", "艾滋病防治宣传员", "乙肝携带者可正常报名", "食品加工岗位须无传染性疾病，持健康证");
  }

  @Test
  void age() {
    finds("age", Severity.WARN, "35岁以下", "年龄18-35岁", "年龄不超过40周岁", "三十五岁以下", "年龄：22~35岁", "年龄25岁以上");
    finds("age", Severity.BLOCK, "仅限35岁以下", "45岁以上勿扰", "限25-40岁", "超过50岁不要");
    leaves(
        "age",
        "须年满18周岁",
        "18岁以上，持保安员证",
        "高空作业，年龄18-45岁（按国家规定）",
        "负责80岁以上老人的助餐服务",
        "照看3-6岁幼儿",
        "欢迎40、50岁人员报名",
        "三年以上驾龄",
        "年龄不限");
  }

  @Test
  void appearance() {
    finds("appearance", Severity.WARN, "五官端正", "形象气质佳", "身高160cm以上", "体重不超过60公斤", "无明显纹身");
    leaves("appearance", "身高体重不限", "不要求身高、相貌", "模特：身高170以上", "礼仪接待员，形象气质佳");
  }

  @Test
  void misleadingPromises() {
    finds("bait", Severity.WARN, "高薪日结", "月入过万轻松", "保录取", "日赚500元", "月入3万不是梦", "100%录用");
    leaves("bait", "日结工资，每天200元", "高薪聘请有经验的师傅", "月薪4000-6000元", "包吃住");
  }

  @Test
  void feesDepositsAndDocuments() {
    finds(
        "fees",
        Severity.BLOCK,
        "需交押金200元",
        "入职交服装费150元",
        "培训费1980元",
        "体检费由求职者承担",
        "入职体检，费用自理",
        "入职需押身份证原件",
        "身份证原件由公司保管");
    leaves(
        "fees",
        "无需押金",
        "押金由公司承担",
        "工作服押金由公司承担",
        "不收押金，不收培训费",
        "押金全免",
        "体检费由公司承担",
        "公司承担体检费和培训费",
        "免费提供工作服",
        "服装导购",
        "报名需携带身份证原件",
        "不收取任何费用");
  }

  @Test
  void theIssuesExampleIsFoundAtItsWords() {
    Screening title = TestScreener.get().screen("车间保洁员（限女性，35岁以下）", "已婚已育优先，需交押金200元", null);
    List<String> found =
        title.findings().stream()
            .map(
                f ->
                    f.field()
                        + ":"
                        + f.category()
                        + ":"
                        + f.start()
                        + "-"
                        + f.end()
                        + ":"
                        + f.text())
            .toList();
    assertEquals(
        List.of(
            "title:gender:6-9:限女性",
            "title:age:10-15:35岁以下",
            "description:marriage:0-6:已婚已育优先",
            "description:fees:8-15:交押金200元"),
        found);
    Finding deposit = title.findings().get(3);
    assertEquals(List.of(200), deposit.numbers());
    assertEquals(Severity.BLOCK, deposit.severity());
    assertTrue(deposit.basisZh().contains("劳动合同法"), deposit.basisZh());
    assertEquals(List.of(35), title.findings().get(1).numbers());
    assertEquals(Severity.WARN, title.findings().get(1).severity());
  }

  @Test
  void aJobReasonInAnotherFieldClearsAnAgeLimit() {
    Screening s = TestScreener.get().screen("高空作业安装工", "年龄18-45岁", List.of("登高"));
    assertEquals(List.of(), s.findings());
    assertFalse(TestScreener.get().screen("安装工", "年龄18-45岁", null).findings().isEmpty());
  }

  @Test
  void findingsNameTheSkillTheyAreIn() {
    Screening s = TestScreener.get().screen("保洁员", null, List.of("清洁", "限女性"));
    assertEquals(1, s.findings().size(), s.findings().toString());
    assertEquals("skills[1]", s.findings().get(0).field());
    assertEquals(0, s.findings().get(0).start());
    assertEquals(3, s.findings().get(0).end());
  }

  @Test
  void emptyAndPunctuationOnlyTextsFindNothing() {
    assertEquals(Screening.NONE, TestScreener.get().screen(null, "  ", List.of()));
    assertEquals(List.of(), TestScreener.description("，。！？").findings());
  }
}
