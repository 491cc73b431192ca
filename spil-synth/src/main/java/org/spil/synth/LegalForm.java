package org.spil.synth;

/**
 * Legal forms of companies in the scenario with the ways registers, customs declarations and bank
 * statements write them: element 0 is the form as registered, the rest are the variants that entity
 * resolution has to see through ("B.V.", "BV", "besloten vennootschap").
 */
enum LegalForm {
  BV("nl", "B.V.", "BV", "B.V", "Besloten Vennootschap", "besloten vennootschap"),
  VOF("nl", "V.O.F.", "VOF", "vennootschap onder firma"),
  BE_BV("be", "BV", "B.V.", "BVBA", "besloten vennootschap"),
  SRL("be", "SRL", "S.R.L.", "société à responsabilité limitée"),
  FZE("ae", "FZE", "F.Z.E.", "Free Zone Establishment"),
  LLC("ae", "LLC", "L.L.C.", "Limited Liability Company"),
  LTD_STI("tr", "Ltd. Şti.", "LTD STI", "Limited Şirketi"),
  HK_LTD("hk", "Limited", "Ltd", "Ltd."),
  SAS("co", "S.A.S.", "SAS"),
  SA("ec", "S.A.", "SA", "Sociedad Anónima"),
  LTDA("br", "Ltda.", "LTDA", "Limitada");

  final String country;
  final String[] spellings;

  LegalForm(String country, String... spellings) {
    this.country = country;
    this.spellings = spellings;
  }
}
