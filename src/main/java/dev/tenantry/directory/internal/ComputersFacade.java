package dev.tenantry.directory.internal;

import dev.tenantry.directory.Computer;
import dev.tenantry.directory.Computers;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ComputersFacade implements Computers {
  private final ComputerRepository computers;

  ComputersFacade(ComputerRepository computers) {
    this.computers = computers;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Computer> find(UUID id) {
    return computers.find(id);
  }
}
