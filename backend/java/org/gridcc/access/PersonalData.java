package org.gridcc.access;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a resource whose answers carry personal data (who is signed in and its CSRF token, users
 * and their tokens, the audit trail, cases and their reporters): {@link NoStore} sends them with
 * {@code Cache-Control: no-store}, so that no browser or proxy cache keeps a copy.
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface PersonalData {}
