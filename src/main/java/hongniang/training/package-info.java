/**
 * Training (职业培训, 创业培训): courses, residents' enrolments, completions and the certificates they
 * earn, which join the resident's licences; and the figures a report needs ({@code TrainingService}
 * is the door).
 */
package hongniang.training;
