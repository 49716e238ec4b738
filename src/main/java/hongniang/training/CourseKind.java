package hongniang.training;

/** What a course trains for: a trade (职业培训) or starting a business (创业培训). */
public enum CourseKind {
  VOCATIONAL,
  ENTREPRENEURSHIP
}
