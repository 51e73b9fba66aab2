package io.vtsdk.model.identity;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The eighteen French regions (since 2016) with their INSEE code and the départements they contain, as the Code
 * officiel géographique (INSEE, COG 2025) lists them. Saint-Pierre-et-Miquelon (975) is a collectivité d'outre-mer
 * without a region. What the observatory groups by and scopes a GRADeS or an ARS to.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public enum Region {
  GUADELOUPE("01", "Guadeloupe", "971"),
  MARTINIQUE("02", "Martinique", "972"),
  GUYANE("03", "Guyane", "973"),
  LA_REUNION("04", "La Réunion", "974"),
  MAYOTTE("06", "Mayotte", "976"),
  ILE_DE_FRANCE("11", "Île-de-France", "75", "77", "78", "91", "92", "93", "94", "95"),
  CENTRE_VAL_DE_LOIRE("24", "Centre-Val de Loire", "18", "28", "36", "37", "41", "45"),
  BOURGOGNE_FRANCHE_COMTE("27", "Bourgogne-Franche-Comté", "21", "25", "39", "58", "70", "71", "89", "90"),
  NORMANDIE("28", "Normandie", "14", "27", "50", "61", "76"),
  HAUTS_DE_FRANCE("32", "Hauts-de-France", "02", "59", "60", "62", "80"),
  GRAND_EST("44", "Grand Est", "08", "10", "51", "52", "54", "55", "57", "67", "68", "88"),
  PAYS_DE_LA_LOIRE("52", "Pays de la Loire", "44", "49", "53", "72", "85"),
  BRETAGNE("53", "Bretagne", "22", "29", "35", "56"),
  NOUVELLE_AQUITAINE("75", "Nouvelle-Aquitaine", "16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86",
      "87"),
  OCCITANIE("76", "Occitanie", "09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"),
  AUVERGNE_RHONE_ALPES("84", "Auvergne-Rhône-Alpes", "01", "03", "07", "15", "26", "38", "42", "43", "63", "69",
      "73", "74"),
  PROVENCE_ALPES_COTE_D_AZUR("93", "Provence-Alpes-Côte d'Azur", "04", "05", "06", "13", "83", "84"),
  CORSE("94", "Corse", "2A", "2B");

  private final String inseeCode;
  private final String label;
  private final List<String> departements;

  Region(String inseeCode, String label, String... departements) {
    this.inseeCode = inseeCode;
    this.label = label;
    this.departements = List.of(departements);
  }

  /** The INSEE code: {@code 84}. */
  public String inseeCode() {
    return inseeCode;
  }

  /** The name: {@code Auvergne-Rhône-Alpes}. */
  public String label() {
    return label;
  }

  /** The codes of its départements. */
  public List<String> departements() {
    return departements;
  }

  /** The region of a département code ({@code 69}, {@code 2A}), empty for 975 or an unknown code. */
  public static Optional<Region> of(String departement) {
    for (Region r : values()) {
      if (r.departements.contains(departement)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
