package dev.tenantry.deployments.internal;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whom a deployment is for (DESIGN §8). Multi-tenant targets ({@link TenantTag}, {@link
 * CrossTenant}) name an MSP to stay within, or none for the whole instance.
 */
public sealed interface DeploymentTarget {

  String kind();

  /** Multi-tenant: a tag or cross-tenant target (needs the cross-tenant permissions). */
  default boolean crossTenant() {
    return this instanceof TenantTag || this instanceof CrossTenant;
  }

  /** Targets individual computers (the individual-deployment permission suffices). */
  default boolean individual() {
    return this instanceof Computer || this instanceof Person;
  }

  record Computer(UUID computerId) implements DeploymentTarget {
    public Computer {
      Objects.requireNonNull(computerId, "computerId");
    }

    public String kind() {
      return "COMPUTER";
    }
  }

  /** The computers whose primary person this is, in the person's tenant. */
  record Person(UUID personId) implements DeploymentTarget {
    public Person {
      Objects.requireNonNull(personId, "personId");
    }

    public String kind() {
      return "PERSON";
    }
  }

  record Tenant(UUID tenantId, boolean includeChildren) implements DeploymentTarget {
    public Tenant {
      Objects.requireNonNull(tenantId, "tenantId");
    }

    public String kind() {
      return "TENANT";
    }
  }

  record TenantTag(UUID tagId, @Nullable UUID mspId) implements DeploymentTarget {
    public TenantTag {
      Objects.requireNonNull(tagId, "tagId");
    }

    public String kind() {
      return "TENANT_TAG";
    }
  }

  record CrossTenant(@Nullable UUID mspId) implements DeploymentTarget {
    public String kind() {
      return "CROSS_TENANT";
    }
  }
}
