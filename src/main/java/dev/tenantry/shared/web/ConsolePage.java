package dev.tenantry.shared.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders console pages (Thymeleaf, htmx). The console's advice adds the
 * header model (user, badge, impersonation banner) and turns an uncaught {@link ApiException} into
 * an error page instead of problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsolePage {}
