package dev.tenantry.directory.internal;

import dev.tenantry.shared.ComputerLookup;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class ComputerLookupService implements ComputerLookup {
  private final ComputerService computers;

  ComputerLookupService(ComputerService computers) {
    this.computers = computers;
  }

  @Override
  public Map<UUID, String> visibleComputers() {
    Map<UUID, String> out = new LinkedHashMap<>();
    computers
        .list(new ComputerQuery(null, null, null, null, 0, 500))
        .items()
        .forEach(c -> out.put(c.computer().id(), c.computer().name()));
    return out;
  }
}
