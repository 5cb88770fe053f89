import { useLanguage, type Catalogue, type Lang } from './ui/index.js';

export { localized } from './ui/index.js';

/** The portal's words. English defines the keys; a key missing in Lithuanian or Latvian is a type error. */
const en = {
  portal: 'E-services', catalogue: 'Services', orders: 'My orders', logout: 'Log out', loggedInAs: (name: string) => `Logged in as ${name}`,
  login: 'Log in', username: 'Username', password: 'Password', signIn: 'Log in',
  loginLead: 'Log in to order services and follow your orders.',
  eidLogin: 'Log in with eID', eidHint: 'With your ID card, mobile signature or Smart-ID through the national eID gateway.',
  staffLogin: 'Staff and demo accounts', loginFailed: 'The username or password is wrong.',
  eidErrors: { 'oidc-login-refused': 'The eID login was cancelled or refused. You can try again.', 'oidc-login-unknown': 'The login took too long or was already used. Please start again.', 'oidc-login-failed': 'The eID login could not be completed. Please try again.', 'account-disabled': 'This account is disabled. Contact the portal support.' } as Record<string, string>,
  loginToOrder: 'Log in to order this service.',
  terms: 'Terms of use', accept: 'I accept the terms', order: 'Order', orderOnline: 'Order online', loading: 'Loading…',
  next: 'Next', back: 'Back', saveDraft: 'Save draft',
  draftSaved: 'Draft saved', draftResumed: 'You are continuing your saved draft',
  checkAnswers: 'Check your answers', change: 'Change', submit: 'Submit', fromProfile: 'from your profile',
  submitted: 'Order submitted', number: 'Order number', answersPdf: 'PDF of your answers', noOrders: 'No orders yet',
  status: 'Status', submittedAt: 'Submitted', uploading: 'Uploading file…', noAnswer: '(not answered)', service: 'Service',
  submitting: 'Submitting…', orderHeading: (n: string) => `Order no. ${n}`, history: 'Progress', live: 'The status updates by itself',
  statuses: { submitted: 'Submitted', 'in-progress': 'In progress', 'in-review': 'Under review', approved: 'Approved', rejected: 'Rejected', completed: 'Completed', cancelled: 'Cancelled', withdrawn: 'Withdrawn' } as Record<string, string>,
  steps: { submitted: 'Order submitted', 'process-started': 'Processing started', 'task-created': 'Passed to an official', 'task-claimed': 'An official started the review', 'task-completed': 'The official finished', 'status-changed': 'Status changed', 'receipt-sealed': 'Receipt signed', 'payment-created': 'Payment requested', 'payment-pending': 'Payment started', 'payment-paid': 'Payment received', 'payment-failed': 'Payment failed', 'payment-expired': 'Payment expired', 'payment-cancelled': 'Payment cancelled', 'payment-refund-due': 'Payment to be refunded', 'information-provided': 'You sent the information asked for' } as Record<string, string>,
  // The public catalogue
  catalogueLead: 'Find a public service, read what it needs and costs, and order it online.',
  search: 'Search services', searchHint: 'A word from the name or description', searchButton: 'Search',
  filters: 'Filter', applyFilters: 'Show services', clearFilters: 'Clear filters',
  audience: 'For whom', provider: 'Provider', lifeEvent: 'Life event', price: 'Fee', level: 'E-service level',
  audiences: { citizens: 'Residents', businesses: 'Businesses', 'public-sector': 'Public sector' } as Record<string, string>,
  prices: { free: 'Free of charge', paid: 'With a fee' } as Record<string, string>,
  free: 'Free of charge',
  levels: { 1: 'Information', 2: 'One-way interaction: forms to download', 3: 'Two-way interaction: forms submitted online', 4: 'Transaction: decided and paid online', 5: 'Proactive: provided without an application' } as Record<string, string>,
  levelShort: (n: number) => `Level ${n}`,
  found: (n: number) => (n === 1 ? '1 service found' : `${n} services found`),
  noServices: 'No service matches. Try another word or clear the filters.',
  notOnline: 'Not ordered online',
  // A service's card page
  aboutService: 'About the service', legalBasis: 'Legal basis', duration: 'Usually takes', requiredDocuments: 'What you need',
  languages: 'Languages', serviceNumber: 'Service number', orderElsewhere: 'Where to get this service',
  languageNames: { lt: 'Lithuanian', lv: 'Latvian', en: 'English', ru: 'Russian', pl: 'Polish', de: 'German' } as Record<string, string>,
  durationText: (days: number) => (days === 1 ? '1 day' : `${days} days`), durationHours: (hours: number) => (hours === 1 ? '1 hour' : `${hours} hours`),
  notFound: 'Page not found', notFoundLead: 'The address may be wrong or the service is no longer provided.', toCatalogue: 'Go to the services',
  ordersPages: 'Pages of my orders', previousPage: 'Previous', nextPage: 'Next',
  informationTitle: 'More information requested', informationAnswer: 'Your answer', informationNone: 'No information is being asked for on this order now.',
  informationFromOfficial: 'The official writes:', informationDeadline: (date: string) => `Please answer by ${date}.`, informationSend: 'Send the information',
  informationOpen: 'The official asks for more information', informationGo: 'Answer the request', backToOrder: 'Back to the order',
  withdraw: 'Withdraw the order', withdrawConfirm: 'Withdraw this order? The agency will stop handling it.', withdrawYes: 'Yes, withdraw', withdrawNo: 'No, keep it', withdrawSent: 'The withdrawal was sent; the status changes once the agency\'s process ends the case.',
  messages: 'Messages', unread: 'New', unreadCount: (n: number) => (n === 0 ? 'No unread messages' : n === 1 ? '1 unread message' : `${n} unread messages`), noMessages: 'No messages yet.',
  unreadBadge: (n: number) => `${n} unread`, notificationSettings: 'E-mail notifications', notificationLead: 'Choose which e-mails you get about your orders. Messages always arrive here in the portal.',
  emailAbout: 'Send me an e-mail when', save: 'Save', saved: 'Saved',
  notificationKinds: { 'status-changed': 'my order is received or its status changes', 'information-requested': 'an official asks for more information', decision: 'a decision is made', payment: 'a payment is asked for' } as Record<string, string>,
  // Accessibility statement
  accessibilityTitle: 'Accessibility statement',
  // Submitting and its receipt
  declarationTitle: 'By submitting', receipt: 'Submission receipt', receiptPending: 'The signed receipt is being prepared…',
  receiptPdf: 'Signed receipt (PDF)', receiptDigest: 'Fingerprint of your answers (SHA-256)', termsVersion: 'Terms of use version',
  // Paying
  payment: 'Payment', pay: (amount: string) => `Pay ${amount}`, amount: 'Amount', paymentReference: 'Payment reference', dueDate: 'Pay by', paidAt: 'Paid on',
  invoicePdf: 'Invoice (PDF)', feeLater: (fee: string) => `The fee is ${fee}. You will be asked to pay when the service needs it.`,
  refundDue: 'The bank took a payment after the order had ended; it will be refunded.',
  paymentStatuses: { created: 'Waiting for payment', pending: 'Being paid', failed: 'Payment failed – try again', paid: 'Paid', expired: 'Expired', cancelled: 'Cancelled' },
};
export type Texts = typeof en;

const lt: Texts = {
  portal: 'E. paslaugos', catalogue: 'Paslaugos', orders: 'Mano užsakymai', logout: 'Atsijungti', loggedInAs: (name) => `Prisijungęs: ${name}`,
  login: 'Prisijungimas', username: 'Naudotojo vardas', password: 'Slaptažodis', signIn: 'Prisijungti',
  loginLead: 'Prisijunkite, kad galėtumėte užsakyti paslaugas ir sekti savo užsakymus.',
  eidLogin: 'Prisijungti per elektroninius valdžios vartus', eidHint: 'Asmens tapatybės kortele, mobiliuoju parašu arba Smart-ID.',
  staffLogin: 'Darbuotojų ir demonstracinės paskyros', loginFailed: 'Neteisingas naudotojo vardas arba slaptažodis.',
  eidErrors: { 'oidc-login-refused': 'Prisijungimas per elektroninius valdžios vartus atšauktas arba nepavyko. Galite bandyti dar kartą.', 'oidc-login-unknown': 'Prisijungimas užtruko per ilgai arba jau panaudotas. Pradėkite iš naujo.', 'oidc-login-failed': 'Prisijungti nepavyko. Bandykite dar kartą.', 'account-disabled': 'Ši paskyra išjungta. Kreipkitės į portalo pagalbą.' },
  loginToOrder: 'Prisijunkite, kad užsakytumėte šią paslaugą.',
  terms: 'Naudojimosi taisyklės', accept: 'Sutinku su taisyklėmis', order: 'Užsakyti', orderOnline: 'Užsakyti internetu', loading: 'Įkeliama…',
  next: 'Toliau', back: 'Atgal', saveDraft: 'Išsaugoti juodraštį',
  draftSaved: 'Juodraštis išsaugotas', draftResumed: 'Tęsiate išsaugotą juodraštį',
  checkAnswers: 'Patikrinkite atsakymus', change: 'Keisti', submit: 'Pateikti', fromProfile: 'iš jūsų profilio',
  submitted: 'Užsakymas pateiktas', number: 'Užsakymo numeris', answersPdf: 'Atsakymų PDF', noOrders: 'Užsakymų dar nėra',
  status: 'Būsena', submittedAt: 'Pateikta', uploading: 'Įkeliamas failas…', noAnswer: '(neatsakyta)', service: 'Paslauga',
  submitting: 'Pateikiama…', orderHeading: (n) => `Užsakymas Nr. ${n}`, history: 'Eiga', live: 'Būsena atnaujinama automatiškai',
  statuses: { submitted: 'Pateiktas', 'in-progress': 'Vykdomas', 'in-review': 'Nagrinėjamas', approved: 'Patvirtintas', rejected: 'Atmestas', completed: 'Įvykdytas', cancelled: 'Atšauktas', withdrawn: 'Atsiimtas' },
  steps: { submitted: 'Užsakymas pateiktas', 'process-started': 'Pradėtas vykdyti', 'task-created': 'Perduotas specialistui', 'task-claimed': 'Specialistas pradėjo nagrinėti', 'task-completed': 'Specialistas baigė darbą', 'status-changed': 'Būsena pasikeitė', 'receipt-sealed': 'Kvitas pasirašytas', 'payment-created': 'Paprašyta sumokėti', 'payment-pending': 'Pradėta mokėti', 'payment-paid': 'Mokėjimas gautas', 'payment-failed': 'Mokėjimas nepavyko', 'payment-expired': 'Mokėjimo terminas baigėsi', 'payment-cancelled': 'Mokėjimas atšauktas', 'payment-refund-due': 'Mokėjimas bus grąžintas', 'information-provided': 'Išsiuntėte prašytą informaciją' },
  catalogueLead: 'Raskite viešąją paslaugą, sužinokite, ko jai reikia ir kiek ji kainuoja, ir užsakykite ją internetu.',
  search: 'Ieškoti paslaugų', searchHint: 'Žodis iš pavadinimo ar aprašymo', searchButton: 'Ieškoti',
  filters: 'Filtruoti', applyFilters: 'Rodyti paslaugas', clearFilters: 'Išvalyti filtrus',
  audience: 'Kam skirta', provider: 'Teikėjas', lifeEvent: 'Gyvenimo situacija', price: 'Kaina', level: 'E. paslaugos lygis',
  audiences: { citizens: 'Gyventojams', businesses: 'Verslui', 'public-sector': 'Viešajam sektoriui' },
  prices: { free: 'Nemokamos', paid: 'Mokamos' },
  free: 'Nemokama',
  levels: { 1: 'Informavimas', 2: 'Vienpusė sąveika: formos atsisiuntimui', 3: 'Dvipusė sąveika: prašymas pateikiamas internetu', 4: 'Operacija: sprendimas ir mokėjimas internetu', 5: 'Proaktyvi: teikiama be prašymo' },
  levelShort: (n) => `${n} lygis`,
  found: (n) => `Rasta paslaugų: ${n}`,
  noServices: 'Tokių paslaugų nėra. Pabandykite kitą žodį arba išvalykite filtrus.',
  notOnline: 'Internetu neužsakoma',
  aboutService: 'Apie paslaugą', legalBasis: 'Teisinis pagrindas', duration: 'Paprastai trunka', requiredDocuments: 'Ko reikės',
  languages: 'Kalbos', serviceNumber: 'Paslaugos numeris', orderElsewhere: 'Kur gauti šią paslaugą',
  languageNames: { lt: 'lietuvių', lv: 'latvių', en: 'anglų', ru: 'rusų', pl: 'lenkų', de: 'vokiečių' },
  durationText: (days) => `${days} d.`, durationHours: (hours) => `${hours} val.`,
  notFound: 'Puslapis nerastas', notFoundLead: 'Gal adresas neteisingas arba paslauga nebeteikiama.', toCatalogue: 'Į paslaugų sąrašą',
  ordersPages: 'Mano užsakymų puslapiai', previousPage: 'Ankstesnis', nextPage: 'Kitas',
  informationTitle: 'Prašoma papildomos informacijos', informationAnswer: 'Jūsų atsakymas', informationNone: 'Šiuo metu dėl šio užsakymo papildomos informacijos neprašoma.',
  informationFromOfficial: 'Specialistas rašo:', informationDeadline: (date) => `Atsakykite iki ${date}.`, informationSend: 'Siųsti informaciją',
  informationOpen: 'Specialistas prašo papildomos informacijos', informationGo: 'Atsakyti į prašymą', backToOrder: 'Grįžti į užsakymą',
  withdraw: 'Atsiimti užsakymą', withdrawConfirm: 'Atsiimti šį užsakymą? Įstaiga nebenagrinės prašymo.', withdrawYes: 'Taip, atsiimti', withdrawNo: 'Ne, palikti', withdrawSent: 'Prašymas atsiimti išsiųstas; būsena pasikeis, kai įstaigos procesas užbaigs bylą.',
  messages: 'Pranešimai', unread: 'Naujas', unreadCount: (n) => (n === 0 ? 'Neperskaitytų pranešimų nėra' : `Neperskaitytų pranešimų: ${n}`), noMessages: 'Pranešimų dar nėra.',
  unreadBadge: (n) => `neperskaityta: ${n}`, notificationSettings: 'Pranešimai el. paštu', notificationLead: 'Pasirinkite, kokius el. laiškus gausite apie savo užsakymus. Pranešimai portale ateina visada.',
  emailAbout: 'Siųsti el. laišką, kai', save: 'Išsaugoti', saved: 'Išsaugota',
  notificationKinds: { 'status-changed': 'užsakymas gautas arba pasikeitė jo būsena', 'information-requested': 'specialistas prašo papildomos informacijos', decision: 'priimtas sprendimas', payment: 'prašoma sumokėti' },
  accessibilityTitle: 'Pareiškimas dėl prieinamumo',
  declarationTitle: 'Pateikdami', receipt: 'Pateikimo kvitas', receiptPending: 'Pasirašytas kvitas ruošiamas…',
  receiptPdf: 'Pasirašytas kvitas (PDF)', receiptDigest: 'Jūsų atsakymų kontrolinė suma (SHA-256)', termsVersion: 'Naudojimosi taisyklių versija',
  payment: 'Mokėjimas', pay: (amount) => `Sumokėti ${amount}`, amount: 'Suma', paymentReference: 'Įmokos kodas', dueDate: 'Sumokėti iki', paidAt: 'Sumokėta',
  invoicePdf: 'Sąskaita (PDF)', feeLater: (fee) => `Paslaugos kaina – ${fee}. Sumokėti būsite paprašyti, kai to reikės.`,
  refundDue: 'Bankas priėmė mokėjimą jau pasibaigus užsakymui; pinigai bus grąžinti.',
  paymentStatuses: { created: 'Laukiama mokėjimo', pending: 'Mokama', failed: 'Mokėjimas nepavyko – bandykite dar kartą', paid: 'Sumokėta', expired: 'Nebegalioja', cancelled: 'Atšaukta' },
};

const lv: Texts = {
  portal: 'E-pakalpojumi', catalogue: 'Pakalpojumi', orders: 'Mani pieteikumi', logout: 'Iziet', loggedInAs: (name) => `Pieteicies: ${name}`,
  login: 'Pieteikšanās', username: 'Lietotājvārds', password: 'Parole', signIn: 'Pieteikties',
  loginLead: 'Piesakieties, lai pieteiktu pakalpojumus un sekotu saviem pieteikumiem.',
  eidLogin: 'Pieteikties ar eID', eidHint: 'Ar eID karti, eParakstu mobilajā vai Smart-ID caur valsts autentifikācijas vārteju.',
  staffLogin: 'Darbinieku un demonstrācijas konti', loginFailed: 'Nepareizs lietotājvārds vai parole.',
  eidErrors: { 'oidc-login-refused': 'Pieteikšanās ar eID tika atcelta vai noraidīta. Varat mēģināt vēlreiz.', 'oidc-login-unknown': 'Pieteikšanās ilga pārāk ilgi vai jau izmantota. Sāciet no jauna.', 'oidc-login-failed': 'Pieteikties ar eID neizdevās. Mēģiniet vēlreiz.', 'account-disabled': 'Šis konts ir atspējots. Sazinieties ar portāla atbalstu.' },
  loginToOrder: 'Piesakieties, lai pieteiktu šo pakalpojumu.',
  terms: 'Lietošanas noteikumi', accept: 'Piekrītu noteikumiem', order: 'Pieteikt', orderOnline: 'Pieteikt tiešsaistē', loading: 'Ielādē…',
  next: 'Tālāk', back: 'Atpakaļ', saveDraft: 'Saglabāt melnrakstu',
  draftSaved: 'Melnraksts saglabāts', draftResumed: 'Turpināt saglabāto melnrakstu',
  checkAnswers: 'Pārbaudiet atbildes', change: 'Mainīt', submit: 'Iesniegt', fromProfile: 'no jūsu profila',
  submitted: 'Pieteikums iesniegts', number: 'Pieteikuma numurs', answersPdf: 'Atbilžu PDF', noOrders: 'Pieteikumu vēl nav',
  status: 'Statuss', submittedAt: 'Iesniegts', uploading: 'Augšupielādē failu…', noAnswer: '(nav atbildes)', service: 'Pakalpojums',
  submitting: 'Iesniedz…', orderHeading: (n) => `Pieteikums Nr. ${n}`, history: 'Gaita', live: 'Statuss atjaunojas automātiski',
  statuses: { submitted: 'Iesniegts', 'in-progress': 'Izpildē', 'in-review': 'Izskatīšanā', approved: 'Apstiprināts', rejected: 'Noraidīts', completed: 'Izpildīts', cancelled: 'Atcelts', withdrawn: 'Atsaukts' },
  steps: { submitted: 'Pieteikums iesniegts', 'process-started': 'Izpilde sākta', 'task-created': 'Nodots speciālistam', 'task-claimed': 'Speciālists sāka izskatīšanu', 'task-completed': 'Speciālists pabeidza darbu', 'status-changed': 'Statuss mainījās', 'receipt-sealed': 'Kvīts parakstīta', 'payment-created': 'Pieprasīts maksājums', 'payment-pending': 'Maksājums uzsākts', 'payment-paid': 'Maksājums saņemts', 'payment-failed': 'Maksājums neizdevās', 'payment-expired': 'Maksājuma termiņš beidzies', 'payment-cancelled': 'Maksājums atcelts', 'payment-refund-due': 'Maksājums tiks atmaksāts', 'information-provided': 'Jūs nosūtījāt pieprasīto informāciju' },
  catalogueLead: 'Atrodiet publisko pakalpojumu, uzziniet, kas tam vajadzīgs un cik tas maksā, un piesakiet to tiešsaistē.',
  search: 'Meklēt pakalpojumus', searchHint: 'Vārds no nosaukuma vai apraksta', searchButton: 'Meklēt',
  filters: 'Atlasīt', applyFilters: 'Rādīt pakalpojumus', clearFilters: 'Notīrīt atlasi',
  audience: 'Kam paredzēts', provider: 'Sniedzējs', lifeEvent: 'Dzīves situācija', price: 'Maksa', level: 'E-pakalpojuma līmenis',
  audiences: { citizens: 'Iedzīvotājiem', businesses: 'Uzņēmējiem', 'public-sector': 'Publiskajam sektoram' },
  prices: { free: 'Bez maksas', paid: 'Maksas' },
  free: 'Bez maksas',
  levels: { 1: 'Informēšana', 2: 'Mijiedarbība: veidlapas lejupielādei', 3: 'Divvirzienu mijiedarbība: iesniegšana tiešsaistē', 4: 'Darījumu apstrāde: lēmums un maksājums tiešsaistē', 5: 'Starpiestāžu: bez klienta iesaistes' },
  levelShort: (n) => `${n}. līmenis`,
  found: (n) => `Atrasti pakalpojumi: ${n}`,
  noServices: 'Neviens pakalpojums neatbilst. Mēģiniet citu vārdu vai notīriet atlasi.',
  notOnline: 'Tiešsaistē nepiesakāms',
  aboutService: 'Par pakalpojumu', legalBasis: 'Tiesiskais pamats', duration: 'Parasti ilgst', requiredDocuments: 'Kas būs vajadzīgs',
  languages: 'Valodas', serviceNumber: 'Pakalpojuma numurs', orderElsewhere: 'Kur saņemt šo pakalpojumu',
  languageNames: { lt: 'lietuviešu', lv: 'latviešu', en: 'angļu', ru: 'krievu', pl: 'poļu', de: 'vācu' },
  durationText: (days) => `${days} d.`, durationHours: (hours) => `${hours} st.`,
  notFound: 'Lapa nav atrasta', notFoundLead: 'Iespējams, adrese ir nepareiza vai pakalpojums vairs netiek sniegts.', toCatalogue: 'Uz pakalpojumu sarakstu',
  ordersPages: 'Manu pieteikumu lapas', previousPage: 'Iepriekšējā', nextPage: 'Nākamā',
  informationTitle: 'Pieprasīta papildu informācija', informationAnswer: 'Jūsu atbilde', informationNone: 'Par šo pieteikumu pašlaik papildu informācija netiek prasīta.',
  informationFromOfficial: 'Speciālists raksta:', informationDeadline: (date) => `Lūdzam atbildēt līdz ${date}.`, informationSend: 'Nosūtīt informāciju',
  informationOpen: 'Speciālists lūdz papildu informāciju', informationGo: 'Atbildēt uz pieprasījumu', backToOrder: 'Atpakaļ uz pieteikumu',
  withdraw: 'Atsaukt pieteikumu', withdrawConfirm: 'Atsaukt šo pieteikumu? Iestāde to vairs neizskatīs.', withdrawYes: 'Jā, atsaukt', withdrawNo: 'Nē, paturēt', withdrawSent: 'Atsaukums nosūtīts; statuss mainīsies, kad iestādes process noslēgs lietu.',
  messages: 'Ziņojumi', unread: 'Jauns', unreadCount: (n) => (n === 0 ? 'Nav nelasītu ziņojumu' : `Nelasīti ziņojumi: ${n}`), noMessages: 'Ziņojumu vēl nav.',
  unreadBadge: (n) => `nelasīti: ${n}`, notificationSettings: 'Paziņojumi e-pastā', notificationLead: 'Izvēlieties, kādus e-pastus saņemsiet par saviem pieteikumiem. Ziņojumi portālā pienāk vienmēr.',
  emailAbout: 'Sūtīt man e-pastu, kad', save: 'Saglabāt', saved: 'Saglabāts',
  notificationKinds: { 'status-changed': 'pieteikums saņemts vai mainījies tā statuss', 'information-requested': 'speciālists lūdz papildu informāciju', decision: 'pieņemts lēmums', payment: 'tiek lūgts samaksāt' },
  accessibilityTitle: 'Paziņojums par piekļūstamību',
  declarationTitle: 'Iesniedzot', receipt: 'Iesniegšanas kvīts', receiptPending: 'Parakstītā kvīts tiek sagatavota…',
  receiptPdf: 'Parakstīta kvīts (PDF)', receiptDigest: 'Jūsu atbilžu kontrolsumma (SHA-256)', termsVersion: 'Lietošanas noteikumu versija',
  payment: 'Maksājums', pay: (amount) => `Samaksāt ${amount}`, amount: 'Summa', paymentReference: 'Maksājuma references numurs', dueDate: 'Samaksāt līdz', paidAt: 'Samaksāts',
  invoicePdf: 'Rēķins (PDF)', feeLater: (fee) => `Pakalpojuma maksa ir ${fee}. Samaksāt lūgsim, kad tas būs vajadzīgs.`,
  refundDue: 'Banka pieņēma maksājumu pēc pieteikuma beigām; nauda tiks atmaksāta.',
  paymentStatuses: { created: 'Gaida maksājumu', pending: 'Tiek maksāts', failed: 'Maksājums neizdevās – mēģiniet vēlreiz', paid: 'Samaksāts', expired: 'Beidzies termiņš', cancelled: 'Atcelts' },
};

export const TEXTS = { lt, lv, en } satisfies Catalogue<Texts>;

export function texts(lang: Lang): Texts {
  return TEXTS[lang];
}

/** The page's language and the portal's words in it. */
export function useLang(): { lang: Lang; t: Texts } {
  const lang = useLanguage();
  return { lang, t: TEXTS[lang] };
}

/** A status or step name as the citizen reads it; an unknown one as it came. */
export function named(names: Record<string, string>, key: string): string {
  return names[key] ?? key;
}
