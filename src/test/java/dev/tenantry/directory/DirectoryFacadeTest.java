package dev.tenantry.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.ComputerType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class DirectoryFacadeTest extends DirectoryTest {
  @Autowired People people;
  @Autowired Computers computers;

  @Test
  void otherFeaturesFindPeopleAndComputersById() {
    UUID tenant = tenant();
    UUID person = person(tenant);
    UUID pc = id(createComputer(tenant, "facade-pc", "SERVER", person));

    Person p = people.find(person).orElseThrow();
    assertThat(p.tenantId()).isEqualTo(tenant);
    assertThat(p.source()).isEqualTo(PersonSource.MANUAL);
    Computer c = computers.find(pc).orElseThrow();
    assertThat(c.primaryPersonId()).isEqualTo(person);
    assertThat(c.type()).isEqualTo(ComputerType.SERVER);
    assertThat(people.find(UUID.randomUUID())).isEmpty();
    assertThat(computers.find(UUID.randomUUID())).isEmpty();
  }
}
