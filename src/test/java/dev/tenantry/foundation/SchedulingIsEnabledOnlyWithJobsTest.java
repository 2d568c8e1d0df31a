package dev.tenantry.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * No configuration without a use: {@code @EnableScheduling} is there exactly when some
 * {@code @Scheduled} job is (a job without it would silently never run; the annotation without a
 * job starts a scheduler for nothing).
 */
class SchedulingIsEnabledOnlyWithJobsTest {
  @Test
  void enableSchedulingIsPresentExactlyWhenAJobIs() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tenantry");
    boolean jobs =
        classes.stream()
            .flatMap(c -> c.getMethods().stream())
            .anyMatch(m -> m.isAnnotatedWith(Scheduled.class));
    boolean enabled = classes.stream().anyMatch(c -> c.isAnnotatedWith(EnableScheduling.class));
    assertThat(enabled).as("@EnableScheduling present").isEqualTo(jobs);
  }
}
