package dev.tenantry.tenancy.internal;

import dev.tenantry.authz.TenantKind;
import dev.tenantry.authz.access.AccessChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start (no tenant at all) creates the instance's MSP tenant, named by {@code
 * tenantry.instance.msp-name}, audited as the system actor. The locks make it safe when several
 * nodes start together; they are taken in the one order (access-write lock, then the tree lock;
 * docs/multi-node.md), as {@link TenantCommands#create} takes them.
 */
@Component
class InstanceMspInitializer implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(InstanceMspInitializer.class);
  private final TenantRepository tenants;
  private final TenantTree tree;
  private final AccessChanges accessChanges;
  private final TenantCommands commands;
  private final TransactionTemplate tx;
  private final String mspName;

  InstanceMspInitializer(
      TenantRepository tenants,
      TenantTree tree,
      AccessChanges accessChanges,
      TenantCommands commands,
      TransactionTemplate tx,
      @Value("${tenantry.instance.msp-name:My MSP}") String mspName) {
    this.tenants = tenants;
    this.tree = tree;
    this.accessChanges = accessChanges;
    this.commands = commands;
    this.tx = tx;
    this.mspName = mspName;
  }

  @Override
  public void run(ApplicationArguments args) {
    tx.executeWithoutResult(
        s -> {
          accessChanges.lock();
          tree.lock();
          if (tenants.isEmpty()) {
            var msp =
                commands.create(
                    new TenantDraft(mspName, null, "", TenantKind.MSP, true, null, null, null));
            log.info("Created the instance's MSP tenant '{}' ({})", msp.name(), msp.id());
          }
        });
  }
}
