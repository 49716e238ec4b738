package hongniang.demo;

import java.util.List;

/**
 * The employers of the demo: first the partner units the report names and a dozen more around the
 * street office, then templates for as many further units as a benchmark asks for.
 */
final class UnitCatalogue {

  /** The welfare factory the report names first; its staff log in as {@code minzheng}. */
  static final String WELFARE_FACTORY = "三明市民政福利厂";

  /** The second unit the report names; its staff log in as {@code wanzi}. */
  static final String WANZI = "万紫千红";

  /** The machinery company the report names. */
  static final String DONGLI = "东力机械设备有限公司";

  /** How a unit's agreements stand today: this is what makes a matchmaker's worklist lively. */
  enum Standing {
    VALID,
    /** An old agreement that ran out, and the renewal that is valid now. */
    RENEWED,
    /** Valid, but ending within 30 days. */
    EXPIRING,
    /** Ran out weeks ago and was not renewed. */
    EXPIRED,
    SUSPENDED
  }

  /**
   * A unit to generate; only public institutions develop public-welfare posts. The credit code's
   * first two characters say who registered it: 91 a company, 92 a sole trader, 12 a public
   * institution, 52 a private non-enterprise unit.
   */
  record Spec(
      String name,
      String registration,
      String region,
      String industry,
      String address,
      String homeCommunity,
      String city,
      List<PostingKind> kinds,
      boolean publicSector,
      Standing standing,
      String signingCommunity) {}

  private static final String HOME_CITY = "三明市";

  private static Spec local(
      String name,
      String registration,
      String industry,
      String address,
      String community,
      Standing standing,
      String signer,
      PostingKind... kinds) {
    return new Spec(
        name,
        registration,
        address.contains("梅列区") ? "350402" : "350403",
        industry,
        address,
        community,
        HOME_CITY,
        List.of(kinds),
        registration.startsWith("1"),
        standing,
        signer);
  }

  private static Spec outside(
      String name, String region, String industry, String address, String city) {
    return new Spec(
        name,
        "91",
        region,
        industry,
        address,
        null,
        city,
        List.of(PostingKind.OUTSIDE),
        false,
        Standing.VALID,
        "下洋");
  }

  /** The partner units the demo always starts with, the three the report names first. */
  static final List<Spec> KNOWN =
      List.of(
          local(
              WELFARE_FACTORY,
              "91",
              "福利企业（制造业）",
              "三明市三元区下洋路18号",
              "下洋",
              Standing.RENEWED,
              "下洋",
              PostingKind.FACTORY,
              PostingKind.CLEANING),
          local(
              WANZI,
              "92",
              "花卉园艺与商贸零售",
              "三明市三元区新市中路66号",
              "崇宁",
              Standing.EXPIRING,
              "下洋",
              PostingKind.RETAIL,
              PostingKind.GREENING,
              PostingKind.CLEANING),
          local(
              DONGLI,
              "91",
              "机械设备制造与维修",
              "三明市三元区荆东路9号",
              "下洋",
              Standing.VALID,
              "下洋",
              PostingKind.MACHINERY,
              PostingKind.FACTORY),
          local(
              "三元区城关街道社区服务中心",
              "12",
              "社区公共服务（事业单位）",
              "三明市三元区城关街道办事处一楼",
              "红印山",
              Standing.VALID,
              "红印山",
              PostingKind.CLEANING,
              PostingKind.SECURITY,
              PostingKind.GREENING,
              PostingKind.PUBLIC_SERVICE),
          local(
              "三明市鑫安物业管理有限公司",
              "91",
              "物业管理",
              "三明市三元区绿岩路112号",
              "新龙",
              Standing.RENEWED,
              "新龙",
              PostingKind.CLEANING,
              PostingKind.SECURITY,
              PostingKind.GREENING),
          local(
              "三明市华安保安服务有限公司",
              "91",
              "保安服务",
              "三明市梅列区列东街38号",
              "凤岗",
              Standing.VALID,
              "下洋",
              PostingKind.SECURITY),
          local(
              "三明市绿源园林绿化工程有限公司",
              "91",
              "园林绿化",
              "三明市三元区富兴路21号",
              "芙蓉",
              Standing.VALID,
              "芙蓉",
              PostingKind.GREENING,
              PostingKind.CLEANING),
          local(
              "三明市巧手家政服务有限公司",
              "91",
              "家政服务",
              "三明市三元区东新路5号",
              "东安",
              Standing.EXPIRING,
              "红印山",
              PostingKind.HOUSEHOLD,
              PostingKind.CLEANING),
          local(
              "三元区芙蓉居家养老服务中心",
              "52",
              "居家养老服务（民办非企业单位）",
              "三明市三元区芙蓉新村12幢",
              "芙蓉",
              Standing.VALID,
              "芙蓉",
              PostingKind.ELDERLY_CARE,
              PostingKind.HOUSEHOLD),
          local(
              "三明市客家人餐饮管理有限公司",
              "91",
              "餐饮服务",
              "三明市三元区崇宁路88号",
              "崇宁",
              Standing.VALID,
              "崇宁",
              PostingKind.CATERING),
          local(
              "三明市顺捷快递服务有限公司",
              "91",
              "快递物流",
              "三明市梅列区东新二路30号",
              "建新",
              Standing.VALID,
              "下洋",
              PostingKind.DELIVERY),
          local(
              "三明市列东百货商贸有限公司",
              "91",
              "百货零售",
              "三明市梅列区列西街15号",
              "碧湖",
              Standing.EXPIRED,
              "碧湖",
              PostingKind.RETAIL),
          outside("厦门翔安光电科技有限公司", "350213", "电子制造", "厦门市翔安区火炬工业园翔安北路3999号", "厦门市"),
          outside("福州长乐锦纶纺织有限公司", "350112", "纺织", "福州市长乐区航城街道工业区8号", "福州市"),
          outside("晋江鸿福鞋业有限公司", "350582", "制鞋", "泉州晋江市陈埭镇鞋业工业区17号", "泉州市"));

  /**
   * An industry further units are made of: the name's ending and the kinds of work it offers;
   * public institutions (registration 12) are the ones that offer public-welfare posts.
   */
  record Industry(String industry, String suffix, String registration, List<PostingKind> kinds) {}

  static final List<Industry> INDUSTRIES =
      List.of(
          industry(
              "物业管理", "物业管理有限公司", PostingKind.CLEANING, PostingKind.SECURITY, PostingKind.GREENING),
          industry("保安服务", "保安服务有限公司", PostingKind.SECURITY),
          industry("园林绿化", "园林绿化工程有限公司", PostingKind.GREENING, PostingKind.CLEANING),
          industry("家政服务", "家政服务有限公司", PostingKind.HOUSEHOLD, PostingKind.CLEANING),
          new Industry("养老服务", "养老服务中心", "52", List.of(PostingKind.ELDERLY_CARE)),
          industry("餐饮服务", "餐饮管理有限公司", PostingKind.CATERING),
          industry("快递物流", "物流有限公司", PostingKind.DELIVERY),
          industry("商贸零售", "商贸有限公司", PostingKind.RETAIL),
          industry("机械制造", "机械制造有限公司", PostingKind.MACHINERY, PostingKind.FACTORY),
          industry("纺织服装", "纺织服装有限公司", PostingKind.FACTORY),
          industry("食品加工", "食品有限公司", PostingKind.FACTORY, PostingKind.CATERING),
          new Industry(
              "环境卫生（事业单位）", "环卫服务站", "12", List.of(PostingKind.CLEANING, PostingKind.GREENING)),
          new Industry(
              "社区公共服务（事业单位）",
              "社区服务站",
              "12",
              List.of(PostingKind.PUBLIC_SERVICE, PostingKind.SECURITY, PostingKind.CLEANING)));

  private static Industry industry(String industry, String suffix, PostingKind... kinds) {
    return new Industry(industry, suffix, "91", List.of(kinds));
  }

  /** A city outside the district that recruits through the communities, with a region code. */
  record OutsideCity(String city, String shortName, String region, String district) {}

  static final List<OutsideCity> OUTSIDE_CITIES =
      List.of(
          new OutsideCity("福州市", "福州", "350104", "福州市仓山区"),
          new OutsideCity("厦门市", "厦门", "350206", "厦门市湖里区"),
          new OutsideCity("泉州市", "泉州", "350503", "泉州市丰泽区"),
          new OutsideCity("莆田市", "莆田", "350302", "莆田市城厢区"),
          new OutsideCity("漳州市", "漳州", "350602", "漳州市芗城区"));

  /** Manufacturing that recruits from Sanming for work on the coast. */
  static final List<String> OUTSIDE_TRADES =
      List.of("电子科技有限公司", "鞋业有限公司", "纺织有限公司", "食品有限公司", "物流有限公司");

  /** Trade names (字号) for further units. */
  static final String[] TRADE_NAMES = {
    "鑫达", "恒通", "宏源", "盛世", "闽光", "华兴", "金桥", "福源", "佳美", "新宇", "瑞丰", "明珠", "鸿运", "永安",
    "兴业", "嘉和", "天成", "万顺", "安泰", "和顺", "众诚", "利民", "康乐", "百佳", "顺发", "东升", "融汇", "富华",
    "聚源", "长青", "沙溪", "麒麟", "岩前", "碧玉", "金鑫", "益民", "丰泽", "新城", "汇通", "诚信", "四季", "春晖",
    "乐居", "一心", "晨光", "德润", "荣昌", "鹏程", "凯达", "群英", "友谊", "和美", "惠民", "同心", "锦绣", "祥和",
    "远航", "金穗", "翠竹", "格氏"
  };

  /** Streets of 三元区 and 梅列区 for further units' addresses. */
  static final String[] STREETS = {
    "新市中路", "新市北路", "绿岩路", "下洋路", "富兴路", "崇宁路", "工业中路", "荆东路", "东新路", "列东街", "列西街", "梅岭路", "徐碧路",
    "建新路"
  };

  private UnitCatalogue() {}
}
