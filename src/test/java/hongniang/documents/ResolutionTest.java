package hongniang.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hongniang.common.DifficultyCategory;
import hongniang.matching.Jobseeker;
import hongniang.matching.Work;
import hongniang.occupations.NameResolver;
import hongniang.occupations.Occupations;
import hongniang.search.analysis.SmartcnNameWords;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row becomes the same record every time: the categories in the enum's order, the work a history
 * names in the order it names it, so that reasons read the same in every run of the service.
 */
class ResolutionTest {

  private final Resolution resolution =
      new Resolution(
          NameResolver.of(Occupations.load(), new SmartcnNameWords()), ZoneId.of("Asia/Shanghai"));

  @Test
  void categoriesAndPastWorkKeepAStableOrder() {
    List<String> reversed = new ArrayList<>();
    Arrays.stream(DifficultyCategory.values()).forEach(c -> reversed.add(0, c.name()));
    Jobseeker j =
        resolution.jobseeker(
            new JobseekerDocument(
                1,
                "林秀英",
                "FEMALE",
                1970,
                4,
                "JUNIOR_HIGH",
                List.of(),
                "先在化工厂做化工操作工，后来做过普工、保洁员和保安员",
                List.of(),
                null,
                List.of(),
                false,
                List.of(),
                reversed,
                null,
                "SEEKING",
                Instant.EPOCH));
    assertEquals(List.of(DifficultyCategory.values()), List.copyOf(j.categories()));
    assertEquals(
        List.of("化工操作工", "普工", "保洁员", "保安员"), j.pastWork().stream().map(Work::name).toList());
  }
}
