package dev.tenantry.directory.internal;

import dev.tenantry.directory.People;
import dev.tenantry.directory.Person;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class PeopleFacade implements People {
  private final PersonRepository people;

  PeopleFacade(PersonRepository people) {
    this.people = people;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Person> find(UUID id) {
    return people.find(id);
  }
}
