package dev.tenantry.authz.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * DESIGN §3.6j: access-changing writes are serialized, so that two concurrent changes cannot each
 * pass checks that their combination fails. Every write that can change who may do what
 * (assignments, memberships, role edits, user state, structural changes of §3.10) takes this lock
 * first, inside its transaction, and holds it until commit.
 */
@Component
public class AccessWriteLock {
  /** The one PostgreSQL advisory lock key for access-changing writes ('TNTRYACC'). */
  public static final long KEY = 0x544E545259414343L;

  private final JdbcClient jdbc;

  AccessWriteLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the lock for the rest of the current transaction (there must be one). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void acquire() {
    jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", KEY).query().singleRow();
  }
}
