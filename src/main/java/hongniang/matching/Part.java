package hongniang.matching;

/**
 * One named, bounded part of a score: {@code 0 <= points <= max}, with the reason for it.
 *
 * @param name a stable name: occupation, skills, wage, place, schedule, experience, freshness,
 *     priority, balance
 */
public record Part(String name, double points, double max, Reason reason) {}
