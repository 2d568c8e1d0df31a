package dev.tenantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantry.authz.BuiltInRoles;
import dev.tenantry.authz.Requires;
import dev.tenantry.authz.RoleDefinition;
import dev.tenantry.authz.Scope;
import dev.tenantry.authz.access.Authorizer;
import dev.tenantry.security.MatrixRecipes.Case;
import dev.tenantry.security.MatrixRecipes.Kind;
import dev.tenantry.security.MatrixRecipes.Outcome;
import dev.tenantry.security.MatrixRecipes.Who;
import dev.tenantry.support.Http;
import dev.tenantry.support.IntegrationTest;
import dev.tenantry.support.TestUsers;
import dev.tenantry.support.TestUsers.Grant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The authorization matrix of STYLE.md (Polaris): every API route (read from the application's own
 * handler mappings) × every built-in role (assigned at TENANT(own, includeChildren)), an anonymous
 * caller, an identity without a user and an MSP admin impersonating a tenant administrator × four
 * target tenants (own, a child of own, a sibling client of the same MSP, a client of another MSP).
 * The expected outcome of each request comes from the engine's decision for what the route's
 * {@code @Requires} declares ({@link MatrixRecipes}); a 404 must look exactly like the 404 for a
 * random id. All mismatches are reported together.
 */
class AuthorizationMatrixTest extends IntegrationTest {
  private static final Pattern UUIDS =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mapping;

  @Autowired Authorizer authorizer;

  Map<String, UUID> targets;
  List<Who> callers;
  TestUsers.TestUser impersonator;
  TestUsers.TestUser impersonated;
  Map<String, JsonNode> previousPreferences = new HashMap<>();

  @BeforeEach
  void world() {
    UUID msp = testUsers.mspTenant();
    UUID own = testUsers.tenant("own", msp, false);
    UUID otherMsp = testUsers.tenant("other-msp", null, true);
    targets = new LinkedHashMap<>();
    targets.put("own", own);
    targets.put("child-of-own", testUsers.tenant("child", own, false));
    targets.put("sibling", testUsers.tenant("sibling", msp, false));
    targets.put("other-msp-client", testUsers.tenant("foreign", otherMsp, false));
    callers = new ArrayList<>();
    for (RoleDefinition role : BuiltInRoles.ALL) {
      TestUsers.TestUser u = testUsers.user(own, Grant.allow(role.id(), Scope.tenant(own, true)));
      callers.add(new Who(role.name(), Kind.ROLE, u::http, u.id()));
    }
    callers.add(new Who("anonymous", Kind.ANONYMOUS, this::anonymous, null));
    callers.add(new Who("signed-in without user", Kind.NO_USER, this::identityWithoutUser, null));
    scopeKindCallers(msp, own);
    setPreference("impersonation.enabled", true);
    setPreference("access-requests.enabled", true);
    impersonator = testUsers.mspAdmin();
    impersonated =
        testUsers.user(
            own, Grant.allow(BuiltInRoles.ADMINISTRATOR_LEGACY.id(), Scope.tenant(own, true)));
    startImpersonation();
    callers.add(
        new Who(
            "MSP admin impersonating Administrator (Legacy)@own",
            Kind.IMPERSONATING,
            impersonator::http,
            impersonated.id()));
  }

  /**
   * Holders of MSP-limited computer selectors on the shared MSP that this method created: their
   * selectors would make every later computer of that type (or tag) there a §3.10 gain for the next
   * method and for other classes, so they are removed after each method.
   */
  final List<UUID> mspLimitedHolders = new ArrayList<>();

  /**
   * Administrator (Legacy) held at every other scope kind (the nine roles above hold TENANT(own,
   * children)): OWNER, MSP, TENANT without children, TENANT_TAG, USERS_TENANT through an
   * instance-wide group, and RESOURCE by one computer, by computer tag and by computer type. Each
   * runs against the two targets where its scope answers differently ({@link #sampled}).
   */
  private void scopeKindCallers(UUID msp, UUID own) {
    UUID admin = BuiltInRoles.ADMINISTRATOR_LEGACY.id();
    UUID sibling = targets.get("sibling");
    UUID tenantTag = testUsers.tag("matrix-tenant-tag");
    testUsers.tagTenant(sibling, tenantTag);
    UUID computerTag = testUsers.tag("matrix-computer-tag");
    MatrixFixtures.computerTag = computerTag;
    MatrixFixtures fx = new MatrixFixtures(testUsers, jdbc);
    UUID group = fx.group(null);
    testUsers.assign(
        dev.tenantry.authz.Principal.group(group), Grant.allow(admin, Scope.usersTenant()));
    TestUsers.TestUser member = testUsers.user(own);
    fx.addMember(group, member.id());
    UUID oneComputer = testUsers.computer(own, dev.tenantry.authz.ComputerType.SERVER);
    // callers whose scope names another tenant live in a tenant of their own: an assignment is
    // shown to whoever may view its principal's tenant, scope included
    UUID home = testUsers.tenant("scope-callers", msp, false);
    scoped(
        "@OWNER",
        testUsers.user(home, Grant.allow(admin, Scope.owner())),
        "sibling",
        "other-msp-client");
    scoped(
        "@MSP",
        testUsers.user(home, Grant.allow(admin, Scope.msp(msp))),
        "sibling",
        "other-msp-client");
    scoped(
        "@TENANT(own) without children",
        testUsers.user(own, Grant.allow(admin, Scope.tenant(own, false))),
        "own",
        "child-of-own");
    scoped(
        "@TENANT_TAG(on sibling)",
        testUsers.user(home, Grant.allow(admin, Scope.tenantTag(tenantTag))),
        "sibling",
        "own");
    scoped("@USERS_TENANT via an instance-wide group", member, "own", "child-of-own");
    scoped(
        "@RESOURCE(one computer)",
        testUsers.user(
            home,
            Grant.allow(
                admin,
                Scope.resource(new dev.tenantry.authz.ResourceSelector.OneComputer(oneComputer)))),
        "own",
        "sibling");
    scoped(
        "@RESOURCE(computer tag)",
        testUsers.user(
            home,
            Grant.allow(
                admin,
                Scope.resource(
                    new dev.tenantry.authz.ResourceSelector.ComputerTag(computerTag, null)))),
        "own",
        "other-msp-client");
    TestUsers.TestUser tagInMsp =
        testUsers.user(
            home,
            Grant.allow(
                admin,
                Scope.resource(
                    new dev.tenantry.authz.ResourceSelector.ComputerTag(computerTag, null, msp))));
    mspLimitedHolders.add(tagInMsp.id());
    scoped("@RESOURCE(computer tag in the MSP)", tagInMsp, "own", "other-msp-client");
    scoped(
        "@RESOURCE(workstations of sibling)",
        testUsers.user(
            home,
            Grant.allow(
                admin,
                Scope.resource(
                    new dev.tenantry.authz.ResourceSelector.ComputerTypes(
                        java.util.Set.of(dev.tenantry.authz.ComputerType.WORKSTATION), sibling)))),
        "sibling",
        "own");
  }

  /** Which targets a caller runs against (all when absent). */
  final Map<String, Set<String>> sampled = new HashMap<>();

  private void scoped(String name, TestUsers.TestUser u, String... targetKeys) {
    String caller = "Administrator (Legacy) " + name;
    callers.add(new Who(caller, Kind.ROLE, u::http, u.id()));
    sampled.put(caller, Set.of(targetKeys));
  }

  private boolean runs(Who who, String target) {
    Set<String> only = sampled.get(who.name());
    return only == null || only.contains(target);
  }

  @AfterEach
  void restore() {
    MatrixFixtures.computerTag = null;
    mspLimitedHolders.forEach(testUsers::removeAssignmentsOf);
    if (impersonator != null) {
      impersonator.http().post("/api/v1/users/stop-impersonating", null);
    }
    previousPreferences.forEach(
        (key, value) ->
            signedIn()
                .patch(
                    "/api/v1/preferences/application",
                    Map.of(key, value.isBoolean() ? value.asBoolean() : false)));
  }

  private void setPreference(String key, boolean on) {
    for (JsonNode p : signedIn().get("/api/v1/preferences/application").json()) {
      if (p.path("key").asString().equals(key)) {
        previousPreferences.putIfAbsent(key, p.path("value"));
      }
    }
    assertThat(signedIn().patch("/api/v1/preferences/application", Map.of(key, on)).status())
        .isEqualTo(200);
  }

  private void startImpersonation() {
    var r =
        impersonator
            .http()
            .post(
                "/api/v1/users/" + impersonated.id() + "/impersonate", Map.of("reason", "matrix"));
    assertThat(r.status()).as("impersonation starts: %s", r).isEqualTo(201);
  }

  @Test
  void everyRouteAnswersEveryCallerAsTheEngineDecides() {
    MatrixRecipes recipes =
        new MatrixRecipes(
            new MatrixFixtures(testUsers, jdbc), authorizer, this::startImpersonation);
    List<ApiRoutes.Route> routes = ApiRoutes.of(mapping);
    List<String> problems = new ArrayList<>();
    Set<String> unused = new TreeSet<>(recipes.all.keySet());
    int requests = 0;
    Map<Outcome, Integer> tally = new java.util.EnumMap<>(Outcome.class);
    for (ApiRoutes.Route route : routes) {
      MatrixRecipes.Recipe recipe = recipes.all.get(route.key());
      unused.remove(route.key());
      if (recipe == null) {
        problems.add(
            route.key() + ": no recipe in MatrixRecipes — every route must be in the matrix");
        continue;
      }
      Requires.On on = route.requires() == null ? Requires.On.SYSTEM : route.requires().on();
      for (var target : targets.entrySet()) {
        for (Who who : callers) {
          if (!runs(who, target.getKey())) {
            continue;
          }
          requests += request(route.key(), on, recipe, target, who, problems, tally);
        }
      }
      requests++;
      if (!impersonator.http().get("/api/v1/auth/me").json().path("impersonating").asBoolean()) {
        problems.add(
            route.key()
                + ": the impersonating caller stopped impersonating; its rows are not trustworthy");
        startImpersonation();
      }
    }
    unused.forEach(k -> problems.add(k + ": recipe for a route that does not exist"));
    System.out.printf(
        "Authorization matrix: %d routes x %d callers x %d targets = %d requests; outcomes %s%n",
        routes.size(), callers.size(), targets.size(), requests, tally);
    writeReport(problems);
    assertThat(problems).as("authorization matrix mismatches (route | caller | target)").isEmpty();
  }

  /**
   * Sends one recipe's request as one caller against one target, compares the outcome with the
   * engine's and, for a 404, with the answer for random ids; returns the number of requests sent.
   */
  private int request(
      String routeKey,
      Requires.On on,
      MatrixRecipes.Recipe recipe,
      Map.Entry<String, UUID> target,
      Who who,
      List<String> problems,
      Map<Outcome, Integer> tally) {
    int requests = 0;
    Case c = recipe.make(target.getValue(), who);
    Outcome expected = expected(on, who, c);
    Http http = who.http().get();
    Http.Response r = http.send(c.call().method(), c.call().path(), c.call().body());
    requests++;
    Outcome actual = actual(r.status());
    tally.merge(actual, 1, Integer::sum);
    String where = routeKey + " | " + who.name() + " | " + target.getKey();
    if (!matches(expected, actual)) {
      problems.add(
          where + ": expected " + expected + ", got " + r.status() + " " + abbreviate(r.raw()));
    } else if (actual == Outcome.HIDE) {
      // the same request with the object the 404 names replaced by a missing one must answer
      // the same
      Response404 hidden = Response404.of(r);
      Response404 missing =
          Response404.of(
              http.send(
                  c.call().method(),
                  randomIds(c.call().path(), detail(r)),
                  randomBody(c.call().body(), detail(r))));
      requests++;
      if (!hidden.equals(missing)) {
        problems.add(
            where
                + ": its 404 differs from a missing object's: "
                + hidden.shape()
                + " vs "
                + missing.shape());
      }
    }
    if (actual == Outcome.ALLOW) {
      c.after().run();
    }
    return requests;
  }

  /**
   * The group and role routes again with instance-wide groups and public custom roles ({@link
   * GlobalObjectRecipes}) for every caller, against the own tenant and another MSP's client (where
   * the member, the assignee or the clone lives).
   */
  @Test
  void instanceWideGroupsAndPublicRolesAnswerEveryCallerAsTheEngineDecides() {
    MatrixFixtures fx = new MatrixFixtures(testUsers, jdbc);
    GlobalObjectRecipes recipes =
        new GlobalObjectRecipes(
            new MatrixRecipes(fx, authorizer, this::startImpersonation), fx, authorizer);
    Map<String, ApiRoutes.Route> routes = new HashMap<>();
    ApiRoutes.of(mapping).forEach(r -> routes.put(r.key(), r));
    List<String> problems = new ArrayList<>();
    Map<Outcome, Integer> tally = new java.util.EnumMap<>(Outcome.class);
    int requests = 0;
    for (var e : recipes.all.entrySet()) {
      ApiRoutes.Route route = routes.get(e.getKey());
      assertThat(route).as("route %s", e.getKey()).isNotNull();
      Requires.On on = route.requires() == null ? Requires.On.SYSTEM : route.requires().on();
      for (var target : targets.entrySet()) {
        if (!target.getKey().equals("own") && !target.getKey().equals("other-msp-client")) {
          continue;
        }
        for (Who who : callers) {
          requests +=
              request(
                  e.getKey() + " (instance-wide/public)",
                  on,
                  e.getValue(),
                  target,
                  who,
                  problems,
                  tally);
        }
      }
    }
    System.out.printf(
        "Instance-wide groups and public roles: %d routes x %d callers x 2 targets = %d requests;"
            + " outcomes %s%n",
        recipes.all.size(), callers.size(), requests, tally);
    writeReport(problems);
    assertThat(problems).as("instance-wide group / public role mismatches").isEmpty();
  }

  /**
   * Issue 8: callers whose allowing assignment is a custom role holding exactly the route's
   * permissions (not a broad built-in role), at one scope kind per route (rotating through every
   * kind, each on its two telling targets), and a DENY caller per route — the same exact role ALLOW
   * at OWNER and DENY at TENANT(own, children) — who must be refused on own and allowed elsewhere.
   * Expectations come from the engine, as above; a DENY caller allowed on own is a mismatch twice.
   */
  @Test
  void exactPermissionRolesAtEveryScopeKindAndDeniesAnswerAsTheEngineDecides() {
    MatrixFixtures fx = new MatrixFixtures(testUsers, jdbc);
    MatrixRecipes recipes = new MatrixRecipes(fx, authorizer, this::startImpersonation);
    UUID msp = testUsers.mspTenant();
    UUID own = targets.get("own");
    UUID sibling = targets.get("sibling");
    UUID home = testUsers.tenant("exact-callers", msp, false);
    UUID tenantTag = testUsers.tag("exact-tenant-tag");
    testUsers.tagTenant(sibling, tenantTag);
    UUID oneComputer = testUsers.computer(own, dev.tenantry.authz.ComputerType.SERVER);
    record Kinded(String name, UUID tenant, Scope scope, boolean viaGroup, String... targets) {}
    List<Kinded> kinds =
        List.of(
            new Kinded("@OWNER", home, Scope.owner(), false, "sibling", "other-msp-client"),
            new Kinded("@MSP", home, Scope.msp(msp), false, "sibling", "other-msp-client"),
            new Kinded("@TENANT(own)", own, Scope.tenant(own, false), false, "own", "child-of-own"),
            new Kinded(
                "@TENANT(own, children)",
                own,
                Scope.tenant(own, true),
                false,
                "child-of-own",
                "sibling"),
            new Kinded(
                "@TENANT_TAG(sibling)", home, Scope.tenantTag(tenantTag), false, "sibling", "own"),
            new Kinded(
                "@USERS_TENANT via a group", own, Scope.usersTenant(), true, "own", "child-of-own"),
            new Kinded(
                "@RESOURCE(one computer)",
                home,
                Scope.resource(new dev.tenantry.authz.ResourceSelector.OneComputer(oneComputer)),
                false,
                "own",
                "sibling"),
            new Kinded(
                "@RESOURCE(computer tag)",
                home,
                Scope.resource(
                    new dev.tenantry.authz.ResourceSelector.ComputerTag(
                        MatrixFixtures.computerTag, null)),
                false,
                "own",
                "other-msp-client"),
            new Kinded(
                "@RESOURCE(workstations in the MSP)",
                home,
                Scope.resource(
                    new dev.tenantry.authz.ResourceSelector.ComputerTypes(
                        Set.of(dev.tenantry.authz.ComputerType.WORKSTATION), null, msp)),
                false,
                "own",
                "other-msp-client"),
            new Kinded(
                "@RESOURCE(workstations of sibling)",
                home,
                Scope.resource(
                    new dev.tenantry.authz.ResourceSelector.ComputerTypes(
                        Set.of(dev.tenantry.authz.ComputerType.WORKSTATION), sibling)),
                false,
                "sibling",
                "own"));
    List<String> problems = new ArrayList<>();
    Map<Outcome, Integer> tally = new java.util.EnumMap<>(Outcome.class);
    int requests = 0;
    int deniedOnOwn = 0;
    int i = 0;
    for (ApiRoutes.Route route : ApiRoutes.of(mapping)) {
      MatrixRecipes.Recipe recipe = recipes.all.get(route.key());
      if (recipe == null
          || route.requires() == null
          || route.requires().value().length == 0
          || UNDECLARED_NEEDS.contains(route.key())) {
        continue; // unlisted routes fail the main matrix; no permission: nothing to hold exactly
      }
      Requires.On on = route.requires().on();
      UUID exact = exactRole(route.requires().value());
      Kinded k = kinds.get(i++ % kinds.size());
      TestUsers.TestUser holder;
      if (k.viaGroup()) {
        UUID group = fx.group(null);
        testUsers.assign(dev.tenantry.authz.Principal.group(group), Grant.allow(exact, k.scope()));
        holder = testUsers.user(k.tenant());
        fx.addMember(group, holder.id());
      } else {
        holder = testUsers.user(k.tenant(), Grant.allow(exact, k.scope()));
      }
      if (mspLimited(k.scope())) {
        mspLimitedHolders.add(holder.id());
      }
      Who allowed =
          new Who("exact role " + k.name(), MatrixRecipes.Kind.ROLE, holder::http, holder.id());
      TestUsers.TestUser denied =
          testUsers.user(
              home,
              Grant.allow(exact, Scope.owner()),
              dev.tenantry.support.TestUsers.Grant.deny(exact, Scope.tenant(own, true)));
      Who deny =
          new Who(
              "exact role @OWNER, DENY @TENANT(own, children)",
              MatrixRecipes.Kind.ROLE,
              denied::http,
              denied.id());
      for (var target : targets.entrySet()) {
        if (Set.of(k.targets()).contains(target.getKey())) {
          requests += request(route.key(), on, recipe, target, allowed, problems, tally);
        }
        if (target.getKey().equals("own") || target.getKey().equals("sibling")) {
          Map<Outcome, Integer> one = new java.util.EnumMap<>(Outcome.class);
          requests += request(route.key(), on, recipe, target, deny, problems, one);
          one.forEach((o, n) -> tally.merge(o, n, Integer::sum));
          if (target.getKey().equals("own") && TENANT_BOUND.contains(on)) {
            deniedOnOwn++;
            if (one.getOrDefault(Outcome.ALLOW, 0) > 0) {
              problems.add(route.key() + " | DENY @TENANT(own) | own: allowed despite the DENY");
            }
          }
        }
      }
    }
    System.out.printf(
        "Exact-permission roles and denies: %d routes, %d requests (%d DENY-on-own); outcomes %s%n",
        i, requests, deniedOnOwn, tally);
    writeReport(problems);
    assertThat(problems).as("exact-role / DENY mismatches (route | caller | target)").isEmpty();
  }

  private static boolean mspLimited(Scope scope) {
    return switch (scope) {
      case Scope.Resource(dev.tenantry.authz.ResourceSelector.ComputerTag(var g, var t, UUID m)) ->
          m != null;
      case Scope.Resource(
              dev.tenantry.authz.ResourceSelector.ComputerTypes(var types, var t, UUID m)) ->
          m != null;
      default -> false;
    };
  }

  /** Routes whose target lies in the requested tenant: a DENY there must refuse them. */
  private static final Set<Requires.On> TENANT_BOUND =
      Set.of(Requires.On.TENANT, Requires.On.COMPUTER, Requires.On.PERSON, Requires.On.USER);

  /**
   * Routes that need more than their {@code @Requires} declares (found by this test; the library's
   * own issue): a license edit re-reads its software (software:view), a task edit its scripts
   * (scripts:view), and so does adopting the latest scripts into a software version or a task — 404
   * (or, for a task, 409 "already pins the latest" of the scripts it can see) for a role holding
   * exactly the declared permissions.
   */
  private static final Set<String> UNDECLARED_NEEDS =
      Set.of(
          "PUT /api/v1/licenses/{id}",
          "PUT /api/v1/maintenance-tasks/{id}",
          "POST /api/v1/software/{id}/versions/{versionId}/adopt-latest-scripts",
          "POST /api/v1/maintenance-tasks/{id}/adopt-latest-scripts");

  /** A public custom role holding exactly these permissions. */
  private UUID exactRole(dev.tenantry.authz.Permission... permissions) {
    UUID id = UUID.randomUUID();
    String[] keys =
        java.util.Arrays.stream(permissions)
            .map(dev.tenantry.authz.Permission::key)
            .toArray(String[]::new);
    testUsers.write(
        () ->
            jdbc.sql("insert into role (id, name, permissions) values (?, ?, ?)")
                .params(id, "exact-" + id, keys)
                .update());
    return id;
  }

  /**
   * Objects planted in tenants no caller can view (a sibling client and another MSP's client) never
   * show up in any list, search or count: every GET route without path variables, plain, with
   * {@code q=<marker>} and with the hidden tenant as filter, for every caller. The raw JSON must
   * contain neither the marker's name nor an id.
   */
  @Test
  void listsSearchesAndCountsNeverShowWhatTheCallerCannotView() {
    String marker = MatrixFixtures.unique("mkr");
    Set<String> secrets = new java.util.LinkedHashSet<>();
    secrets.add(marker);
    for (String hiddenKey : List.of("sibling", "other-msp-client")) {
      UUID hidden = targets.get(hiddenKey);
      secrets.add(hidden.toString());
      Http admin = signedIn();
      secrets.add(
          created(
              admin.post(
                  "/api/v1/tenants",
                  Map.of("name", marker + "-tenant-" + hiddenKey, "parentId", hidden))));
      secrets.add(
          created(
              admin.post(
                  "/api/v1/people", Map.of("tenantId", hidden, "givenName", marker + "-person"))));
      secrets.add(
          created(
              admin.post(
                  "/api/v1/computers",
                  Map.of("tenantId", hidden, "name", marker + "-pc", "type", "SERVER"))));
      String user =
          created(
              admin.post(
                  "/api/v1/users/manual",
                  Map.of(
                      "tenantId",
                      hidden,
                      "givenName",
                      marker + "-user",
                      "familyName",
                      marker,
                      "email",
                      marker + "@example.com",
                      "azureObjectId",
                      UUID.randomUUID().toString())));
      secrets.add(user);
      secrets.add(
          created(
              admin.post(
                  "/api/v1/groups", Map.of("name", marker + "-group", "ownerTenantId", hidden))));
      String role =
          created(
              admin.post(
                  "/api/v1/roles",
                  Map.of(
                      "name",
                      marker + "-role",
                      "ownerTenantId",
                      hidden,
                      "permissions",
                      List.of("computers:view"))));
      secrets.add(role);
      secrets.add(
          created(
              admin.post(
                  "/api/v1/role-assignments",
                  Map.of(
                      "principal",
                      Map.of("type", "USER", "id", user),
                      "roleId",
                      role,
                      "scope",
                      Map.of("kind", "TENANT", "tenantId", hidden)))));
    }
    assertThat(signedIn().get("/api/v1/people?q=" + marker).raw())
        .as("the markers are findable at all")
        .contains(marker);
    List<String> problems = new ArrayList<>();
    int requests = 0;
    List<ApiRoutes.Route> lists =
        ApiRoutes.of(mapping).stream()
            .filter(r -> r.method().equals("GET") && !r.hasPathVariables())
            .toList();
    for (ApiRoutes.Route route : lists) {
      for (Who who : callers) {
        if (!runs(who, "own") || runs(who, "sibling") || runs(who, "other-msp-client")) {
          if (sampled.containsKey(who.name())) {
            continue; // a scope-kind caller that covers a hidden tenant sees its markers rightly
          }
        }
        for (String query :
            List.of(
                "",
                "?q=" + marker,
                "?tenantId=" + targets.get("other-msp-client"),
                "?parentId=" + targets.get("sibling"),
                "?status=PENDING&enabled=true")) {
          Http.Response r = who.http().get().get(route.pattern() + query);
          requests++;
          for (String secret : secrets) {
            if (r.raw().contains(secret)) {
              problems.add(
                  route.key()
                      + query
                      + " | "
                      + who.name()
                      + ": shows "
                      + secret
                      + " — "
                      + abbreviate(r.raw()));
            }
          }
        }
      }
    }
    System.out.printf(
        "List leaks: %d list routes x %d callers x 5 queries = %d requests, %d secrets%n",
        lists.size(), requests / Math.max(1, lists.size() * 5), requests, secrets.size());
    assertThat(problems).as("lists that show objects the caller cannot view").isEmpty();
  }

  /**
   * A tenant's counts count only what the caller may view: hidden children and computers are not
   * counted.
   */
  @Test
  void tenantCountsOnlyCountWhatTheCallerMayView() {
    UUID parent = testUsers.tenant("counted", targets.get("own"), false);
    testUsers.tenant("hidden-child", parent, false);
    testUsers.computer(parent, dev.tenantry.authz.ComputerType.SERVER);
    UUID tenantsOnly = UUID.randomUUID();
    testUsers.write(
        () ->
            jdbc.sql(
                    "insert into role (id, name, permissions) values (?, ?, array['tenants:view'])")
                .params(tenantsOnly, MatrixFixtures.unique("tenants-only"))
                .update());
    Http narrow =
        testUsers.user(parent, Grant.allow(tenantsOnly, Scope.tenant(parent, false))).http();
    JsonNode one = narrow.get("/api/v1/tenants/" + parent).json();
    assertThat(one.path("childCount").asLong()).as("hidden child counted: %s", one).isZero();
    assertThat(one.path("computerCount").asLong())
        .as("invisible computer counted: %s", one)
        .isZero();
    JsonNode listed =
        narrow.get("/api/v1/tenants?parentId=" + targets.get("own")).json().path("items");
    assertThat(listed)
        .singleElement()
        .satisfies(t -> assertThat(t.path("id").asString()).isEqualTo(parent.toString()));
    JsonNode all = narrow.get("/api/v1/tenants").json().path("items");
    assertThat(all)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.path("childCount").asLong()).isZero();
              assertThat(t.path("computerCount").asLong()).isZero();
            });
    // an admin of the whole instance still sees both
    JsonNode full = signedIn().get("/api/v1/tenants/" + parent).json();
    assertThat(full.path("childCount").asLong()).isEqualTo(1);
    assertThat(full.path("computerCount").asLong()).isEqualTo(1);
  }

  private static String created(Http.Response r) {
    assertThat(r.status()).as("planting a marker: %s", r).isEqualTo(201);
    return r.json().path("id").asString();
  }

  private static String detail(Http.Response r) {
    return r.json().path("detail").asString("");
  }

  static void writeReport(List<String> problems) {
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target/authz-matrix-report.txt"), String.join("\n", problems));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Outcome expected(Requires.On on, Who who, Case c) {
    boolean identityRoute = on == Requires.On.SIGNED_IN_IDENTITY || on == Requires.On.PUBLIC;
    return switch (who.kind()) {
      case ANONYMOUS ->
          on == Requires.On.PUBLIC ? c.expect().of(UUID.randomUUID()) : Outcome.UNAUTH;
      case NO_USER -> identityRoute ? c.expect().of(UUID.randomUUID()) : Outcome.DENIED;
      case ROLE, IMPERSONATING -> c.expect().of(who.user());
    };
  }

  private static Outcome actual(int status) {
    return switch (status) {
      case 401 -> Outcome.UNAUTH;
      case 403 -> Outcome.FORBID;
      case 404 -> Outcome.HIDE;
      case 400, 409, 412, 428 -> Outcome.REFUSED;
      default -> status >= 200 && status < 300 ? Outcome.ALLOW : null;
    };
  }

  private static boolean matches(Outcome expected, Outcome actual) {
    return expected == actual
        || expected == Outcome.DENIED && (actual == Outcome.FORBID || actual == Outcome.HIDE);
  }

  static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  /**
   * {@code s} with every id that {@code named} mentions (the ids a 404 names) replaced by a random
   * one.
   */
  static String randomIds(String s, String named) {
    Set<String> ids = new java.util.HashSet<>();
    UUIDS.matcher(named).results().forEach(x -> ids.add(x.group()));
    Matcher m = UUIDS.matcher(s);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          b, ids.isEmpty() || ids.contains(m.group()) ? UUID.randomUUID().toString() : m.group());
    }
    return m.appendTail(b).toString();
  }

  private static Object randomBody(Object body, String named) {
    return body == null ? null : randomIds(Http.json().writeValueAsString(body), named);
  }

  /**
   * What a 404 shows of itself: status, code, title, field names, and the detail with ids masked.
   */
  record Response404(String shape) {
    static Response404 of(Http.Response r) {
      JsonNode j = r.json();
      List<String> fields = new ArrayList<>();
      for (Iterator<String> it = j.propertyNames().iterator(); it.hasNext(); ) {
        fields.add(it.next());
      }
      fields.sort(null);
      return new Response404(
          r.status()
              + " code="
              + j.path("code").asString("")
              + " title="
              + j.path("title").asString("")
              + " fields="
              + fields
              + " detail="
              + UUIDS.matcher(j.path("detail").asString("")).replaceAll("<id>"));
    }
  }
}
