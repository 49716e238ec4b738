package hongniang.placements;

/** How a resident came to work, as the street office reports it. */
public enum PlacementType {
  /** 单位就业: a job with an employer. */
  FORMAL,
  /** 灵活就业: flexible work (hourly, platform, odd jobs). */
  FLEXIBLE,
  /** 公益性岗位: a government-funded post, only for residents with a difficulty category. */
  PUBLIC_WELFARE,
  /** 家政服务: household services. */
  HOUSEHOLD_SERVICE,
  /** 外出务工: work outside the district. */
  OUTSIDE_WORK,
  /** 自主创业: a business of their own. */
  SELF_EMPLOYED
}
