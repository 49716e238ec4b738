package hongniang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layout rules of the house style, checked on the compiled main classes. */
class ArchitectureTest {

  /** Packages that hold one feature each; shared technical packages must not know them. */
  private static final String[] FEATURES = {
    "hongniang.accounts..",
    "hongniang.communities..",
    "hongniang.partners..",
    "hongniang.postings..",
    "hongniang.jobseekers..",
    "hongniang.matching..",
    "hongniang.referrals..",
    "hongniang.reports..",
    "hongniang.demo..",
    "hongniang.search.."
  };

  private static final Path SOURCES = Path.of("src", "main", "java", "hongniang");

  private final JavaClasses main =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("hongniang");

  @Test
  void onlySearchImportsLucene() {
    // Lucene is not on the class path yet; ArchUnit still records a dependency on a missing
    // class by its name, so this rule catches the first stray import all the same.
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
  void commonKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("hongniang.common..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(main);
  }

  @Test
  void securityWebAndDatabaseKnowNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage("hongniang.security..", "hongniang.web..", "hongniang.database..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
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
    // matching does not exist yet: allowEmptyShould keeps the rule in force for the day it
    // arrives instead of failing now on "no classes matched"
    noClasses()
        .that()
        .resideInAPackage("hongniang.matching..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.micronaut..")
        .allowEmptyShould(true)
        .check(main);
  }

  @Test
  void everyTopLevelPackageSaysWhatItOwns() throws IOException {
    Set<String> packages = new TreeSet<>();
    for (JavaClass c : main) {
      String name = c.getPackageName();
      if (name.startsWith("hongniang.")) {
        packages.add(name.split("\\.")[1]);
      }
    }
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      dirs.filter(Files::isDirectory).forEach(d -> packages.add(d.getFileName().toString()));
    }
    assertFalse(packages.isEmpty(), "no packages found under " + SOURCES.toAbsolutePath());
    List<String> missing = new ArrayList<>();
    for (String p : packages) {
      Path info = SOURCES.resolve(p).resolve("package-info.java");
      if (!Files.isRegularFile(info) || !Files.readString(info).contains("/**")) {
        missing.add("hongniang." + p);
      }
    }
    assertEquals(List.of(), missing, "top-level packages without a documented package-info.java");
  }
}
