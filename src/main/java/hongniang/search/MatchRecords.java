package hongniang.search;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.matching.Opening;
import hongniang.matching.Seeker;
import hongniang.matching.Skill;
import hongniang.matching.Work;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rows as matching sees them: occupation names resolved to codes and groups through the occupation
 * list, skills to their synonym keys, a work history to the occupations it names. The index uses
 * the same resolution, so candidates and scores agree.
 */
final class MatchRecords {

  private final Occupations occupations;
  private final ZoneId zone;

  MatchRecords(Occupations occupations, ZoneId zone) {
    this.occupations = occupations;
    this.zone = zone;
  }

  /** The occupation list names resolve through. */
  Occupations occupations() {
    return occupations;
  }

  Opening opening(PostingRow r) {
    return new Opening(
        r.id(),
        r.unitId(),
        r.title(),
        work(r.occupation()).orElse(null),
        skills(r.skills()),
        keys(r.skills()),
        r.wageMin(),
        r.wageMax(),
        Schedule.valueOf(r.schedule()),
        r.communityId(),
        r.city(),
        r.minAge(),
        r.maxAge(),
        education(r.minEducation()),
        Set.copyOf(r.licences()),
        r.publicWelfare(),
        r.status(),
        r.headcount() - r.filledCount(),
        r.validThrough(),
        r.agreementUntil(),
        LocalDate.ofInstant(r.createdAt(), zone));
  }

  Seeker seeker(JobseekerRow r) {
    List<Work> desired = new ArrayList<>();
    for (String name : r.desiredOccupations()) {
      work(name).ifPresent(desired::add);
    }
    Set<Work> past = new LinkedHashSet<>();
    for (Occupations.Occupation o : occupations.mentionedIn(r.experience())) {
      past.add(new Work(o.name(), o.code(), o.group()));
    }
    Set<DifficultyCategory> categories = new LinkedHashSet<>();
    r.categories().forEach(c -> categories.add(DifficultyCategory.valueOf(c)));
    List<Schedule> schedules = new ArrayList<>();
    r.schedules().forEach(s -> schedules.add(Schedule.valueOf(s)));
    return new Seeker(
        r.id(),
        r.name(),
        r.birthYear(),
        r.communityId(),
        education(r.education()),
        List.copyOf(desired),
        skills(r.skills()),
        keys(r.skills()),
        Set.copyOf(past),
        r.minWage(),
        List.copyOf(schedules),
        r.willingOutside(),
        Set.copyOf(r.licences()),
        Set.copyOf(categories),
        r.unemployedSince(),
        r.status(),
        LocalDate.ofInstant(r.updatedAt(), zone));
  }

  /** A name as the work it is: the name as written, with its code and group. */
  Optional<Work> work(String name) {
    return occupations.find(name).map(o -> new Work(name, o.code(), o.group()));
  }

  private List<Skill> skills(List<String> names) {
    List<Skill> out = new ArrayList<>(names.size());
    names.forEach(n -> out.add(new Skill(n, occupations.skillKey(n))));
    return List.copyOf(out);
  }

  private Set<String> keys(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(occupations.skillKey(n)));
    return Set.copyOf(out);
  }

  private static Education education(String value) {
    try {
      return value == null ? Education.NONE : Education.valueOf(value);
    } catch (IllegalArgumentException e) {
      return Education.NONE;
    }
  }
}
