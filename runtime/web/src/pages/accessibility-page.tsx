import type { Lang } from '../ui/index.js';
import { useLang } from '../i18n.js';
import { Heading, PageHeading, Paragraph } from '../ui/index.js';

interface Statement { intro: string; statusTitle: string; status: string; testedTitle: string; tested: string; knownTitle: string; known: string[]; feedbackTitle: string; feedback: string; date: string }

/** The statement the Web Accessibility Directive (EU) 2016/2102 asks for, in the model's order. */
const STATEMENT: Record<Lang, Statement> = {
  lt: {
    intro: 'Šio portalo valdytojas siekia, kad portalas būtų prieinamas pagal 2016 m. spalio 26 d. Europos Parlamento ir Tarybos direktyvą (ES) 2016/2102.',
    statusTitle: 'Atitikties būsena', status: 'Portalas iš dalies atitinka WCAG 2.1 AA lygį ir standartą EN 301 549 dėl toliau išvardytų neatitikčių.',
    testedTitle: 'Kaip tikrinta', tested: 'Kiekvienas portalo puslapis automatiškai tikrinamas įrankiu axe-core naršyklėje Chromium 1280 ir 360 taškų pločio ekrane lietuvių, latvių ir anglų kalbomis; naršymas vien klaviatūra tikrinamas rankiniu būdu.',
    knownTitle: 'Žinomos neatitiktys', known: ['Paslaugų teikėjų parengti PDF dokumentai gali būti neprieinami ekrano skaitytuvams.', 'Formų datos pasirinkimo langelis ekrano skaitytuvu skaitomas ne visada aiškiai; datą galima įvesti klaviatūra.'],
    feedbackTitle: 'Atsiliepimai', feedback: 'Jei radote kliūtį, parašykite paslaugos teikėjui per „Mano užsakymai“ arba el. paštu pagalba@konstruktor.example. Atsakome per 10 darbo dienų.',
    date: 'Pareiškimas parengtas 2026 m. gruodžio 7 d.',
  },
  lv: {
    intro: 'Šī portāla turētājs cenšas nodrošināt portāla piekļūstamību saskaņā ar Eiropas Parlamenta un Padomes 2016. gada 26. oktobra direktīvu (ES) 2016/2102.',
    statusTitle: 'Atbilstības statuss', status: 'Portāls daļēji atbilst WCAG 2.1 AA līmenim un standartam EN 301 549 tālāk minēto neatbilstību dēļ.',
    testedTitle: 'Kā pārbaudīts', tested: 'Katra portāla lapa tiek automātiski pārbaudīta ar axe-core pārlūkā Chromium 1280 un 360 pikseļu platumā latviešu, lietuviešu un angļu valodā; darbs tikai ar tastatūru tiek pārbaudīts manuāli.',
    knownTitle: 'Zināmās neatbilstības', known: ['Pakalpojumu sniedzēju sagatavotie PDF dokumenti var nebūt piekļūstami ekrāna lasītājiem.', 'Veidlapu datuma izvēles logs ekrāna lasītājā ne vienmēr tiek nolasīts skaidri; datumu var ievadīt ar tastatūru.'],
    feedbackTitle: 'Atsauksmes', feedback: 'Ja atradāt šķērsli, rakstiet pakalpojuma sniedzējam sadaļā “Mani pieteikumi” vai uz palidziba@konstruktor.example. Atbildam 10 darba dienu laikā.',
    date: 'Paziņojums sagatavots 2026. gada 7. decembrī.',
  },
  en: {
    intro: 'The operator of this portal aims to make it accessible in line with Directive (EU) 2016/2102 of the European Parliament and of the Council of 26 October 2016.',
    statusTitle: 'Compliance status', status: 'The portal is partially compliant with WCAG 2.1 level AA and EN 301 549 because of the non-compliances listed below.',
    testedTitle: 'How it was tested', tested: 'Every page of the portal is checked automatically with axe-core in Chromium at 1280 and 360 pixels wide, in Lithuanian, Latvian and English; keyboard-only use is checked by hand.',
    knownTitle: 'Known non-compliances', known: ['PDF documents prepared by service providers may not be accessible to screen readers.', 'The date picker of forms is not always read out clearly by screen readers; a date can be typed with the keyboard.'],
    feedbackTitle: 'Feedback', feedback: 'If you meet a barrier, write to the service provider from "My orders" or to help@konstruktor.example. We answer within 10 working days.',
    date: 'This statement was prepared on 7 December 2026.',
  },
};

export function AccessibilityPage() {
  const { lang, t } = useLang();
  const s = STATEMENT[lang];
  return (
    <article className="prose">
      <PageHeading>{t.accessibilityTitle}</PageHeading>
      <Paragraph>{s.intro}</Paragraph>
      <Heading level={2} data-size="sm">{s.statusTitle}</Heading>
      <Paragraph>{s.status}</Paragraph>
      <Heading level={2} data-size="sm">{s.testedTitle}</Heading>
      <Paragraph>{s.tested}</Paragraph>
      <Heading level={2} data-size="sm">{s.knownTitle}</Heading>
      <ul>{s.known.map((k) => <li key={k}>{k}</li>)}</ul>
      <Heading level={2} data-size="sm">{s.feedbackTitle}</Heading>
      <Paragraph>{s.feedback}</Paragraph>
      <Paragraph className="muted">{s.date}</Paragraph>
    </article>
  );
}
