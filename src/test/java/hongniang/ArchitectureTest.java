package hongniang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of the house, checked on the compiled main classes. The picture they keep is in
 * {@code docs/architecture.md}.
 */
class ArchitectureTest {

  /** Packages that hold one feature each: an API and its service over their own tables. */
  private static final String[] FEATURES = {
    "hongniang.accounts..",
    "hongniang.communities..",
    "hongniang.partners..",
    "hongniang.postings..",
    "hongniang.jobseekers..",
    "hongniang.matches..",
    "hongniang.referrals..",
    "hongniang.worklist..",
    "hongniang.placements..",
    "hongniang.vocabulary..",
    "hongniang.inbox..",
    "hongniang.training..",
    "hongniang.demo.."
  };

  /** Domain knowledge the features and the shared parts lean on: plain rules and vocabularies. */
  private static final String[] DOMAIN = {
    "hongniang.matching..", "hongniang.occupations..", "hongniang.screening.."
  };

  /** Shared parts that serve several features: the index and the rows it and matching read. */
  private static final String[] SHARED = {"hongniang.search..", "hongniang.documents.."};

  /** Technical support that knows no feature, domain or shared part. */
  private static final String[] SUPPORT = {
    "hongniang.common..", "hongniang.security..", "hongniang.web..", "hongniang.database.."
  };

  private static final Path SOURCES = Path.of("src", "main", "java", "hongniang");

  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("hongniang");

  @Test
  void onlySearchImportsLucene() {
    noClasses()
        .that()
        .resideOutsideOfPackage("hongniang.search..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..")
        .check(main);
  }

  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching("hongniang.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void searchRoomsAreFreeOfCycles() {
    slices().matching("hongniang.search.(*)..").should().beFreeOfCycles().check(main);
  }

  @Test
  void matchingRoomsAreFreeOfCycles() {
    slices().matching("hongniang.matching.(*)..").should().beFreeOfCycles().check(main);
  }

  /**
   * Search's rooms in layers, each used only from above: the API on top; queries, suggestions and
   * matching's candidates on the index; the index on the analysis.
   */
  @Test
  void searchArrowsRunDownOnly() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("api")
        .definedBy("hongniang.search.api..")
        .layer("query")
        .definedBy("hongniang.search.query..")
        .layer("suggest")
        .definedBy("hongniang.search.suggest..")
        .layer("candidates")
        .definedBy("hongniang.search.candidates..")
        .layer("index")
        .definedBy("hongniang.search.index..")
        .layer("analysis")
        .definedBy("hongniang.search.analysis..")
        .whereLayer("api")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("query")
        .mayOnlyBeAccessedByLayers("api")
        .whereLayer("suggest")
        .mayOnlyBeAccessedByLayers("api")
        .whereLayer("candidates")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("index")
        .mayOnlyBeAccessedByLayers("api", "query", "suggest", "candidates")
        .whereLayer("analysis")
        .mayOnlyBeAccessedByLayers("index", "query", "suggest")
        .check(main);
  }

  /** Matching's root holds the model and the question; its rooms use it, never the other way. */
  @Test
  void matchingRootKnowsNoneOfItsRooms() {
    noClasses()
        .that()
        .resideInAPackage("hongniang.matching")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("hongniang.matching.ranking..", "hongniang.matching.allocation..")
        .check(main);
  }

  @Test
  void nothingImportsTheMatchingApi() {
    // the site's pages show the same matches and board as the API, through its services
    noClasses()
        .that()
        .resideOutsideOfPackages("hongniang.matches..", "hongniang.pages..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("hongniang.matches..")
        .check(main);
  }

  @Test
  void searchAndDocumentsKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(SHARED)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(main);
  }

  @Test
  void documentsKnowNothingOfSearch() {
    noClasses()
        .that()
        .resideInAPackage("hongniang.documents..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("hongniang.search..")
        .check(main);
  }

  @Test
  void theDomainKnowsNoFeatureAndNoSharedPart() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(FEATURES, SHARED))
        .check(main);
  }

  @Test
  void supportKnowsNoFeatureDomainOrSharedPart() {
    noClasses()
        .that()
        .resideInAnyPackage(SUPPORT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(concat(concat(FEATURES, DOMAIN), SHARED))
        .check(main);
  }

  @Test
  void entitiesAreNotPublic() {
    classes().that().areAnnotatedWith(MappedEntity.class).should().notBePublic().check(main);
  }

  @Test
  void repositoriesAreNotPublic() {
    classes().that().areAnnotatedWith(JdbcRepository.class).should().notBePublic().check(main);
  }

  @Test
  void matchingIsPlainJava() {
    noClasses()
        .that()
        .resideInAPackage("hongniang.matching..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micronaut..", "jakarta..", "java.sql..", "javax.sql..")
        .check(main);
  }

  @Test
  void everyPackageSaysWhatItOwns() throws IOException {
    Set<Path> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> packages.add(f.getParent()));
    }
    assertFalse(packages.isEmpty(), "no packages found under " + SOURCES.toAbsolutePath());
    List<String> missing =
        packages.stream()
            .filter(p -> !documented(p.resolve("package-info.java")))
            .map(p -> SOURCES.getParent().relativize(p).toString().replace('/', '.'))
            .toList();
    assertEquals(List.of(), missing, "packages without a documented package-info.java");
  }

  private static boolean documented(Path info) {
    try {
      return Files.isRegularFile(info) && Files.readString(info).contains("/**");
    } catch (IOException e) {
      return false;
    }
  }

  private static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
