package io.vtsdk.server.internal;

import java.util.Locale;
import java.util.Map;

/** Titles of the problem types, in French and English. Not API. */
final class Problems {
  private Problems() {}

  private static final Map<String, String[]> TITLES = Map.ofEntries(
      Map.entry("bad-request", new String[] {"Requête invalide", "Bad request"}),
      Map.entry("invalid-body", new String[] {"Corps de requête invalide", "Invalid request body"}),
      Map.entry("validation-failed", new String[] {"Données invalides", "Validation failed"}),
      Map.entry("ineligible", new String[] {"Critères d'éligibilité non remplis", "Eligibility criteria not met"}),
      Map.entry("unauthorized", new String[] {"Authentification requise", "Authentication required"}),
      Map.entry("forbidden", new String[] {"Action non autorisée pour ce rôle", "Forbidden for this role"}),
      Map.entry("not-found", new String[] {"Ressource introuvable", "Not found"}),
      Map.entry("method-not-allowed", new String[] {"Méthode non autorisée", "Method not allowed"}),
      Map.entry("illegal-transition", new String[] {"Transition non autorisée", "Illegal transition"}),
      Map.entry("precondition-failed", new String[] {"Version périmée", "Precondition failed"}),
      Map.entry("precondition-required", new String[] {"En-tête If-Match requis", "Precondition required"}),
      Map.entry("payload-too-large", new String[] {"Corps de requête trop volumineux", "Payload too large"}),
      Map.entry("unsupported-media-type", new String[] {"Type de contenu non supporté", "Unsupported media type"}),
      Map.entry("idempotency-key-reused", new String[] {"Clé d'idempotence déjà utilisée",
          "Idempotency key reused"}),
      Map.entry("no-rule-set", new String[] {"Aucune règle en vigueur à cette date", "No rule set for this date"}),
      Map.entry("rate-limited", new String[] {"Trop de requêtes", "Too many requests"}),
      Map.entry("unavailable", new String[] {"Service indisponible", "Service unavailable"}),
      Map.entry("conflict", new String[] {"Conflit", "Conflict"}),
      Map.entry("internal-error", new String[] {"Erreur interne", "Internal error"}));

  static String title(String code, Locale locale) {
    String[] t = TITLES.getOrDefault(code, new String[] {code, code});
    return "en".equals(locale.getLanguage()) ? t[1] : t[0];
  }
}
