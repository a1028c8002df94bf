package org.gridcc.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets (session and API tokens, CSRF tokens, generated passwords) and the hash kept of them. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** 256 random bits, URL-safe: a token nobody can guess. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A password for the first admin: 16 characters from letters and digits that are not confused (no 0/O, 1/l/I), as strong as the rule asks. */
    static String newPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        // One draw in twelve has no digit, which the password rule refuses: draw again.
        while (true) {
            var password = new StringBuilder();
            for (int i = 0; i < 16; i++) password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            if (Passwords.weakness(password.toString()).isEmpty()) return password.toString();
        }
    }

    /** What the database keeps of a token: its SHA-256 (tokens are random, so no salt is needed). */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
