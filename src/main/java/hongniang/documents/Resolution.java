package hongniang.documents;

import hongniang.common.DifficultyCategory;
import hongniang.common.Education;
import hongniang.common.Schedule;
import hongniang.matching.Jobseeker;
import hongniang.matching.Posting;
import hongniang.matching.Skill;
import hongniang.matching.Work;
import hongniang.occupations.NameResolver;
import hongniang.occupations.Occupations;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Documents as matching's records: occupation names resolved to codes and groups through the
 * vocabulary (a name it does not list is read as the nearest listed one, {@link NameResolver}),
 * skills to their synonym keys, a work history to the occupations it names, instants to days in the
 * service's time zone. The index builds its match keys and features from the same records ({@code
 * search.index}), so its candidates and matching's scores agree.
 */
public final class Resolution {

  private final NameResolver names;
  private final Occupations occupations;
  private final ZoneId zone;

  public Resolution(NameResolver names, ZoneId zone) {
    this.names = names;
    this.occupations = names.occupations();
    this.zone = zone;
  }

  /** The vocabulary names resolve through. */
  public Occupations occupations() {
    return occupations;
  }

  /** How names are read. */
  public NameResolver names() {
    return names;
  }

  /** The posting as matching knows it. */
  public Posting posting(PostingDocument r) {
    return new Posting(
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

  /** The jobseeker as matching knows them. */
  public Jobseeker jobseeker(JobseekerDocument r) {
    List<Work> desired = new ArrayList<>();
    for (String name : r.desiredOccupations()) {
      work(name).ifPresent(desired::add);
    }
    Set<Work> past = new LinkedHashSet<>();
    for (Occupations.Occupation o : names.mentionedIn(r.experience())) {
      past.add(new Work(o.name(), o.code(), o.group()));
    }
    // in the enum's order: reasons name them the same way every time
    Set<DifficultyCategory> categories = EnumSet.noneOf(DifficultyCategory.class);
    r.categories().forEach(c -> categories.add(DifficultyCategory.valueOf(c)));
    List<Schedule> schedules = new ArrayList<>();
    r.schedules().forEach(s -> schedules.add(Schedule.valueOf(s)));
    return new Jobseeker(
        r.id(),
        r.name(),
        r.birthYear(),
        r.communityId(),
        education(r.education()),
        List.copyOf(desired),
        skills(r.skills()),
        keys(r.skills()),
        // in the order the history names them: a reason names the first of a group
        Collections.unmodifiableSet(past),
        r.minWage(),
        List.copyOf(schedules),
        r.willingOutside(),
        Set.copyOf(r.licences()),
        Collections.unmodifiableSet(categories),
        r.unemployedSince(),
        r.status(),
        LocalDate.ofInstant(r.updatedAt(), zone));
  }

  /**
   * A name as the work it is: the name as written, with its code and group, and for a name the list
   * does not hold, the name it is read as; empty for a blank name.
   */
  public Optional<Work> work(String name) {
    NameResolver.Resolved r = names.resolve(name);
    return r == null
        ? Optional.empty()
        : Optional.of(new Work(name, r.code(), r.group(), r.readAs()));
  }

  /**
   * The occupation group a name's facet counts it under: its own, or that of the name it is read
   * as; {@code other} when it is read as nothing.
   */
  public String facetGroup(String name) {
    NameResolver.Resolved r = names.resolve(name);
    return r == null || r.kind() == NameResolver.Kind.UNKNOWN ? OTHER_GROUP : r.group();
  }

  /** The facet group of work the vocabulary cannot place. */
  public static final String OTHER_GROUP = "other";

  private List<Skill> skills(List<String> names) {
    List<Skill> out = new ArrayList<>(names.size());
    names.forEach(n -> out.add(new Skill(n, occupations.skillKey(n))));
    return List.copyOf(out);
  }

  /**
   * The skills' keys, each once, in the order they are listed: queries built from them read alike.
   */
  private Set<String> keys(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(occupations.skillKey(n)));
    return Collections.unmodifiableSet(out);
  }

  private static Education education(String value) {
    try {
      return value == null ? Education.NONE : Education.valueOf(value);
    } catch (IllegalArgumentException e) {
      return Education.NONE;
    }
  }
}
