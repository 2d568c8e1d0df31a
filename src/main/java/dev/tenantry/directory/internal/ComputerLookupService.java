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
  public Map<UUID, String> searchVisible(String q, int limit) {
    Map<UUID, String> out = new LinkedHashMap<>();
    computers
        .list(new ComputerQuery(null, q.isBlank() ? null : q, null, null, 0, limit))
        .items()
        .forEach(c -> out.put(c.computer().id(), c.computer().name()));
    return out;
  }

  @Override
  public Map<UUID, String> names(java.util.Collection<UUID> ids) {
    Map<UUID, String> out = new LinkedHashMap<>();
    for (UUID id : ids) {
      try {
        out.put(id, computers.get(id).computer().name());
      } catch (dev.tenantry.shared.web.ApiException e) {
        // not there, or not visible to the caller: no label
      }
    }
    return out;
  }
}
