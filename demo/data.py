"""Demonstration data: two real meetings on victim assistance, a fictional workshop whose
registration is open, and the loader that stores them.

The meetings, their dates, places and themes come from their public record: the Third Meeting of
States Parties to the Convention on Cluster Munitions (Oslo, 2012) and the Global Conference on
Victim Assistance and the Rights of Persons with Disabilities (Amman, 2019), whose French concept
note gives the conference description and its four guiding questions. The States' treaty statuses
are the ones listed by the treaties' depositary (see the load_demo command's help). The people,
their registrations and the statement files are fictional, and so is the workshop, whose dates
count from the day the data is loaded so that its registration form can always be tried.

Everything is plain data below, one dict per row, and `load_demo()` stores it by natural keys so
that loading it again changes nothing.
"""

import datetime
import hashlib
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction

# The tests make their statement files with demonstration_pdf, imported from here.
from demo.statement_pdfs import demonstration_pdf, statement_pdf  # noqa: F401
from registrations.models import Delegate, Registration, Role, Status
from sessions.models import Room, Session, SessionKind, Statement
from va_conference.models import Conference, Organization, OrganizationKind, TreatyStatus

# The languages of settings.LANGUAGES: every translated field is given in each of them.
LANGUAGES = ("en", "fr", "es", "ar")

OSLO = ZoneInfo("Europe/Oslo")
AMMAN = ZoneInfo("Asia/Amman")
GENEVA = ZoneInfo("Europe/Zurich")

PARTY = TreatyStatus.PARTY
NOT_PARTY = TreatyStatus.NOT_PARTY

NO_TEXT = dict.fromkeys(LANGUAGES, "")


# Staff logins for trying the admin. The passwords are public: never load this on a real site.
USERS = [
    {
        "username": "admin",
        "password": "demo-admin-2019",
        "email": "admin@example.org",
        "first_name": "Demo",
        "last_name": "Administrator",
        "is_superuser": True,
        "group": None,
    },
    {
        "username": "organizer",
        "password": "demo-organizer-2019",
        "email": "organizer@example.org",
        "first_name": "Demo",
        "last_name": "Organizer",
        "is_superuser": False,
        "group": "Organizers",
    },
    {
        "username": "statements",
        "password": "demo-statements-2019",
        "email": "statements@example.org",
        "first_name": "Demo",
        "last_name": "Statement editor",
        "is_superuser": False,
        "group": "Statement editors",
    },
]


# Organizations are referred to below by their ISO 3166 code (States) or their acronym (others).
# Treaty statuses: Mine Ban Treaty (mbt), Convention on Cluster Munitions (ccm), Convention on
# the Rights of Persons with Disabilities (crpd).
ORGANIZATIONS = [
    {
        "kind": OrganizationKind.STATE,
        "country": "NO",
        "name": {"en": "Norway", "fr": "Norvège", "es": "Noruega", "ar": "النرويج"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": False,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "JO",
        "name": {"en": "Jordan", "fr": "Jordanie", "es": "Jordania", "ar": "الأردن"},
        "mbt_status": PARTY,
        "ccm_status": NOT_PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "LA",
        "acronym": "Lao PDR",
        "name": {
            "en": "Lao People's Democratic Republic",
            "fr": "République démocratique populaire lao",
            "es": "República Democrática Popular Lao",
            "ar": "جمهورية لاو الديمقراطية الشعبية",
        },
        "mbt_status": NOT_PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "AF",
        "name": {"en": "Afghanistan", "fr": "Afghanistan", "es": "Afganistán", "ar": "أفغانستان"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "IQ",
        "name": {"en": "Iraq", "fr": "Iraq", "es": "Iraq", "ar": "العراق"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "AL",
        "name": {"en": "Albania", "fr": "Albanie", "es": "Albania", "ar": "ألبانيا"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "BA",
        "name": {
            "en": "Bosnia and Herzegovina",
            "fr": "Bosnie-Herzégovine",
            "es": "Bosnia y Herzegovina",
            "ar": "البوسنة والهرسك",
        },
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "HR",
        "name": {"en": "Croatia", "fr": "Croatie", "es": "Croacia", "ar": "كرواتيا"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "MZ",
        "name": {"en": "Mozambique", "fr": "Mozambique", "es": "Mozambique", "ar": "موزامبيق"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "CO",
        "name": {"en": "Colombia", "fr": "Colombie", "es": "Colombia", "ar": "كولومبيا"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "KH",
        "name": {"en": "Cambodia", "fr": "Cambodge", "es": "Camboya", "ar": "كمبوديا"},
        "mbt_status": PARTY,
        "ccm_status": NOT_PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "TH",
        "name": {"en": "Thailand", "fr": "Thaïlande", "es": "Tailandia", "ar": "تايلند"},
        "mbt_status": PARTY,
        "ccm_status": NOT_PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": True,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "VN",
        "name": {"en": "Viet Nam", "fr": "Viet Nam", "es": "Viet Nam", "ar": "فييت نام"},
        "mbt_status": NOT_PARTY,
        "ccm_status": NOT_PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": False,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "DE",
        "name": {"en": "Germany", "fr": "Allemagne", "es": "Alemania", "ar": "ألمانيا"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": False,
    },
    {
        "kind": OrganizationKind.STATE,
        "country": "AU",
        "name": {"en": "Australia", "fr": "Australie", "es": "Australia", "ar": "أستراليا"},
        "mbt_status": PARTY,
        "ccm_status": PARTY,
        "crpd_status": PARTY,
        "has_va_obligations": False,
    },
    {
        "kind": OrganizationKind.UN_AGENCY,
        "acronym": "UNDP",
        "country": "US",
        "name": {
            "en": "United Nations Development Programme",
            "fr": "Programme des Nations Unies pour le développement",
            "es": "Programa de las Naciones Unidas para el Desarrollo",
            "ar": "برنامج الأمم المتحدة الإنمائي",
        },
    },
    {
        "kind": OrganizationKind.UN_AGENCY,
        "acronym": "UNICEF",
        "country": "US",
        "name": {
            "en": "United Nations Children's Fund",
            "fr": "Fonds des Nations Unies pour l'enfance",
            "es": "Fondo de las Naciones Unidas para la Infancia",
            "ar": "منظمة الأمم المتحدة للطفولة",
        },
    },
    {
        "kind": OrganizationKind.UN_AGENCY,
        "acronym": "UNMAS",
        "country": "US",
        "name": {
            "en": "United Nations Mine Action Service",
            "fr": "Service de la lutte antimines des Nations Unies",
            "es": "Servicio de las Naciones Unidas de Actividades relativas a las Minas",
            "ar": "دائرة الأمم المتحدة للإجراءات المتعلقة بالألغام",
        },
    },
    {
        "kind": OrganizationKind.UN_AGENCY,
        "acronym": "OHCHR",
        "country": "CH",
        "name": {
            "en": "Office of the United Nations High Commissioner for Human Rights",
            "fr": "Haut-Commissariat des Nations Unies aux droits de l'homme",
            "es": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
            "ar": "مفوضية الأمم المتحدة السامية لحقوق الإنسان",
        },
    },
    {
        "kind": OrganizationKind.RED_CROSS,
        "acronym": "ICRC",
        "country": "CH",
        "name": {
            "en": "International Committee of the Red Cross",
            "fr": "Comité international de la Croix-Rouge",
            "es": "Comité Internacional de la Cruz Roja",
            "ar": "اللجنة الدولية للصليب الأحمر",
        },
    },
    {
        "kind": OrganizationKind.NGO,
        "acronym": "ICBL-CMC",
        "country": "CH",
        "name": {
            "en": "International Campaign to Ban Landmines - Cluster Munition Coalition",
            "fr": "Campagne internationale pour interdire les mines - "
            "Coalition contre les sous-munitions",
            "es": "Campaña Internacional para la Prohibición de las Minas Terrestres - "
            "Coalición contra las Municiones en Racimo",
            "ar": "الحملة الدولية لحظر الألغام الأرضية - تحالف الذخائر العنقودية",
        },
    },
    {
        "kind": OrganizationKind.NGO,
        "acronym": "HI",
        "country": "FR",
        "name": {
            "en": "Humanity & Inclusion",
            "fr": "Handicap International",
            "es": "Humanidad & Inclusión",
            "ar": "منظمة الإنسانية والإدماج",
        },
    },
    {
        "kind": OrganizationKind.DISABILITY,
        "acronym": "IDA",
        "country": "CH",
        "name": {
            "en": "International Disability Alliance",
            "fr": "Alliance internationale des personnes handicapées",
            "es": "Alianza Internacional de la Discapacidad",
            "ar": "التحالف الدولي للإعاقة",
        },
    },
    # Fictional: a survivor network for the demo, named so that no one mistakes it for a real one.
    {
        "kind": OrganizationKind.SURVIVORS,
        "acronym": "ESN",
        "country": "JO",
        "name": {
            "en": "Example Survivors' Network",
            "fr": "Réseau de survivants Exemple",
            "es": "Red de Sobrevivientes Ejemplo",
            "ar": "شبكة الناجين «مثال»",
        },
    },
    {
        "kind": OrganizationKind.INTERNATIONAL,
        "acronym": "ISU",
        "country": "CH",
        "name": {
            "en": "Implementation Support Unit of the Anti-Personnel Mine Ban Convention",
            "fr": "Unité d'appui à l'application de la Convention sur l'interdiction des mines "
            "antipersonnel",
            "es": "Dependencia de Apoyo a la Aplicación de la Convención sobre la Prohibición de "
            "las Minas Antipersonal",
            "ar": "وحدة دعم تنفيذ اتفاقية حظر الألغام المضادة للأفراد",
        },
    },
    {
        "kind": OrganizationKind.INTERNATIONAL,
        "acronym": "EU",
        "country": "BE",
        "name": {
            "en": "European Union",
            "fr": "Union européenne",
            "es": "Unión Europea",
            "ar": "الاتحاد الأوروبي",
        },
    },
    {
        "kind": OrganizationKind.INTERNATIONAL,
        "acronym": "GICHD",
        "country": "CH",
        "name": {
            "en": "Geneva International Centre for Humanitarian Demining",
            "fr": "Centre international de déminage humanitaire de Genève",
            "es": "Centro Internacional de Desminado Humanitario de Ginebra",
            "ar": "مركز جنيف الدولي لإزالة الألغام للأغراض الإنسانية",
        },
    },
    {
        "kind": OrganizationKind.ACADEMIA,
        "acronym": "UJ",
        "country": "JO",
        "name": {
            "en": "University of Jordan",
            "fr": "Université de Jordanie",
            "es": "Universidad de Jordania",
            "ar": "الجامعة الأردنية",
        },
    },
]


# The Third Meeting of States Parties to the Convention on Cluster Munitions.
# Its programme follows the Convention's articles: universalization, victim assistance
# (Article 5), clearance (4), stockpile destruction (3), cooperation (6), transparency (7) and
# national implementation measures (9).
OSLO_ROOMS = {
    "plenary": {
        "en": "Plenary hall",
        "fr": "Salle plénière",
        "es": "Sala plenaria",
        "ar": "قاعة الجلسات العامة",
    },
}

OSLO_SESSIONS = [
    {
        "slug": "opening",
        "kind": SessionKind.PLENARY,
        "date": datetime.date(2012, 9, 11),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(13, 0),
        "room": "plenary",
        "chairs": "Steffen Kongstad (Norway)",
        "title": {
            "en": "Opening of the meeting",
            "fr": "Ouverture de l'Assemblée",
            "es": "Apertura de la Reunión",
            "ar": "افتتاح الاجتماع",
        },
        "description": {
            "en": "Opening by the Minister of Foreign Affairs of Norway. Lebanon, President of "
            "the Second Meeting of States Parties, hands the presidency over to Norway; election "
            "of the President, adoption of the agenda, the rules of procedure and the programme "
            "of work.",
            "fr": "Ouverture par le ministre des Affaires étrangères de la Norvège. Le Liban, "
            "qui a présidé la Deuxième Assemblée des États parties, transmet la présidence à la "
            "Norvège ; élection du Président, adoption de l'ordre du jour, du règlement intérieur "
            "et du programme de travail.",
            "es": "Apertura a cargo del Ministro de Relaciones Exteriores de Noruega. El Líbano, "
            "que presidió la Segunda Reunión de los Estados Partes, traspasa la presidencia a "
            "Noruega; elección del Presidente, aprobación del programa, del reglamento y del "
            "programa de trabajo.",
            "ar": "يفتتح وزير خارجية النرويج الاجتماع. ويسلّم لبنان، رئيس الاجتماع الثاني للدول "
            "الأطراف، الرئاسة إلى النرويج؛ ثم يُنتخب الرئيس ويُقَرّ جدول الأعمال والنظام الداخلي "
            "وبرنامج العمل.",
        },
        "agenda_item": {
            "en": "Opening of the meeting, election of the President, adoption of the agenda "
            "and programme of work",
            "fr": "Ouverture de l'Assemblée, élection du Président, adoption de l'ordre du jour "
            "et du programme de travail",
            "es": "Apertura de la Reunión, elección del Presidente, aprobación del programa y "
            "del programa de trabajo",
            "ar": "افتتاح الاجتماع وانتخاب الرئيس وإقرار جدول الأعمال وبرنامج العمل",
        },
    },
    {
        "slug": "general-exchange-of-views",
        "kind": SessionKind.PLENARY,
        "date": datetime.date(2012, 9, 11),
        "start_time": datetime.time(15, 0),
        "end_time": datetime.time(17, 0),
        "room": "plenary",
        "chairs": "Steffen Kongstad (Norway)",
        "title": {
            "en": "General exchange of views",
            "fr": "Échange de vues général",
            "es": "Intercambio general de opiniones",
            "ar": "تبادل عام للآراء",
        },
        "description": {
            "en": "States Parties, signatories, States not party and organizations share their "
            "views on the Convention. Norway, as President, invites delegations to discuss how "
            "the Convention can strengthen the protection of civilians and the core rules of "
            "international humanitarian law, and how those rules might be better implemented.",
            "fr": "États parties, signataires, États non parties et organisations donnent leurs "
            "vues sur la Convention. La Norvège, qui préside l'Assemblée, invite les délégations "
            "à débattre de la manière dont la Convention peut renforcer la protection des civils "
            "et les règles fondamentales du droit international humanitaire, et de la manière de "
            "mieux appliquer ces règles.",
            "es": "Estados partes, signatarios, Estados no partes y organizaciones exponen sus "
            "opiniones sobre la Convención. Noruega, en la presidencia, invita a las delegaciones "
            "a debatir cómo la Convención puede reforzar la protección de los civiles y las "
            "normas fundamentales del derecho internacional humanitario, y cómo aplicar mejor "
            "esas normas.",
            "ar": "تعرض الدول الأطراف والدول الموقعة والدول غير الأطراف والمنظمات آراءها بشأن "
            "الاتفاقية. وتدعو النرويج، بصفتها رئيسة الاجتماع، الوفود إلى مناقشة كيف يمكن "
            "للاتفاقية أن تعزز حماية المدنيين والقواعد الأساسية للقانون الإنساني الدولي، وكيف "
            "يمكن تنفيذ هذه القواعد على نحو أفضل.",
        },
        "agenda_item": {
            "en": "General exchange of views",
            "fr": "Échange de vues général",
            "es": "Intercambio general de opiniones",
            "ar": "تبادل عام للآراء",
        },
    },
    {
        "slug": "universalization",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 11),
        "start_time": datetime.time(17, 0),
        "end_time": datetime.time(18, 0),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "Universalization of the Convention",
            "fr": "Universalisation de la Convention",
            "es": "Universalización de la Convención",
            "ar": "إضفاء الطابع العالمي على الاتفاقية",
        },
        "description": {
            "en": "Progress towards universal adherence to the Convention, and efforts to "
            "promote its norms among States not yet party.",
            "fr": "Les progrès vers l'adhésion universelle à la Convention et les efforts pour "
            "en promouvoir les normes auprès des États qui n'y sont pas encore parties.",
            "es": "Los avances hacia la adhesión universal a la Convención y los esfuerzos por "
            "promover sus normas entre los Estados que aún no son partes.",
            "ar": "التقدم نحو الانضمام العالمي إلى الاتفاقية، والجهود المبذولة لتعزيز قواعدها "
            "لدى الدول التي لم تصبح أطرافاً فيها بعد.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: universalization",
            "fr": "État et fonctionnement de la Convention : universalisation",
            "es": "Situación y funcionamiento de la Convención: universalización",
            "ar": "حالة الاتفاقية وسير عملها: إضفاء الطابع العالمي على الاتفاقية",
        },
    },
    {
        "slug": "victim-assistance",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 12),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(13, 0),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "Victim assistance",
            "fr": "Assistance aux victimes",
            "es": "Asistencia a las víctimas",
            "ar": "مساعدة الضحايا",
        },
        "description": {
            "en": "States Parties with victim-assistance obligations under Article 5 of the "
            "Convention, and other States responsible for a significant number of cluster "
            "munition victims, give updates on their efforts to provide adequate assistance. "
            "Delegations are asked in particular how victim assistance can be better integrated "
            "into national health and social-care systems.\n\n"
            "The draft Oslo Progress Report names the key issues for this meeting: making the "
            "most of collaboration and cooperation between States Parties and civil society "
            "actors on the ground; fostering cooperation across related international legal "
            "instruments, in particular the Convention on the Rights of Persons with "
            "Disabilities (CRPD), so that survivors' rights are respected; involving cluster "
            "munition victims and their representative organizations in policy, implementation "
            "and decision-making at all levels; and securing sustainable funding.",
            "fr": "Les États parties ayant des obligations d'assistance aux victimes au titre de "
            "l'article 5 de la Convention, ainsi que d'autres États responsables d'un nombre "
            "important de victimes d'armes à sous-munitions, font le point sur leurs efforts pour "
            "fournir une assistance adéquate. Les délégations sont invitées en particulier à dire "
            "comment l'assistance aux victimes peut être mieux intégrée dans les systèmes "
            "nationaux de santé et de protection sociale.\n\n"
            "Le projet de rapport d'étape d'Oslo recense les questions clés de cette Assemblée : "
            "tirer pleinement parti de la collaboration et de la coopération entre les États "
            "parties et les acteurs de la société civile sur le terrain ; favoriser la "
            "coopération entre les instruments juridiques internationaux apparentés, en "
            "particulier la Convention relative aux droits des personnes handicapées (CDPH), afin "
            "que les droits des survivants soient respectés ; associer les victimes d'armes à "
            "sous-munitions et les organisations qui les représentent à l'élaboration des "
            "politiques, à leur mise en œuvre et aux décisions à tous les niveaux ; et garantir "
            "un financement durable.",
            "es": "Los Estados partes con obligaciones de asistencia a las víctimas en virtud del "
            "artículo 5 de la Convención, y otros Estados responsables de un número significativo "
            "de víctimas de municiones en racimo, informan sobre sus esfuerzos para prestar una "
            "asistencia adecuada. Se pide en particular a las delegaciones que expongan cómo "
            "integrar mejor la asistencia a las víctimas en los sistemas nacionales de salud y "
            "de protección social.\n\n"
            "El proyecto de Informe sobre los Progresos de Oslo señala las cuestiones clave de "
            "esta Reunión: aprovechar al máximo la colaboración y la cooperación entre los "
            "Estados partes y los actores de la sociedad civil sobre el terreno; fomentar la "
            "cooperación entre los instrumentos jurídicos internacionales conexos, en particular "
            "la Convención sobre los Derechos de las Personas con Discapacidad (CDPD), para que "
            "se respeten los derechos de los sobrevivientes; hacer participar a las víctimas de "
            "municiones en racimo y a las organizaciones que las representan en la elaboración "
            "de políticas, su aplicación y la toma de decisiones a todos los niveles; y asegurar "
            "una financiación sostenible.",
            "ar": "تقدم الدول الأطراف التي عليها التزامات بمساعدة الضحايا بموجب المادة 5 من "
            "الاتفاقية، وغيرها من الدول المسؤولة عن عدد كبير من ضحايا الذخائر العنقودية، "
            "معلومات محدثة عن جهودها لتقديم مساعدة كافية. ويُطلب من الوفود بوجه خاص أن تبيّن كيف "
            "يمكن إدماج مساعدة الضحايا على نحو أفضل في النظم الوطنية للرعاية الصحية "
            "والاجتماعية.\n\n"
            "ويحدد مشروع تقرير أوسلو المرحلي القضايا الرئيسية لهذا الاجتماع: الاستفادة القصوى من "
            "التعاون والتنسيق بين الدول الأطراف وجهات المجتمع المدني الفاعلة على أرض الواقع؛ "
            "وتعزيز التعاون بين الصكوك القانونية الدولية ذات الصلة، ولا سيما اتفاقية حقوق "
            "الأشخاص ذوي الإعاقة، ضماناً لاحترام حقوق الناجين؛ وإشراك ضحايا الذخائر العنقودية "
            "والمنظمات التي تمثلهم في وضع السياسات وتنفيذها وفي صنع القرار على جميع المستويات؛ "
            "وتأمين تمويل مستدام.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: victim assistance (Article 5)",
            "fr": "État et fonctionnement de la Convention : assistance aux victimes (article 5)",
            "es": "Situación y funcionamiento de la Convención: asistencia a las víctimas "
            "(artículo 5)",
            "ar": "حالة الاتفاقية وسير عملها: مساعدة الضحايا (المادة 5)",
        },
    },
    {
        "slug": "clearance-and-risk-reduction",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 12),
        "start_time": datetime.time(15, 0),
        "end_time": datetime.time(18, 0),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "Clearance and risk reduction education",
            "fr": "Dépollution et éducation à la réduction des risques",
            "es": "Limpieza y educación sobre la reducción del riesgo",
            "ar": "إزالة المخلفات والتثقيف للحد من المخاطر",
        },
        "description": {
            "en": "Affected States Parties report on surveying and clearing areas contaminated "
            "by cluster munition remnants, and on educating the communities at risk.",
            "fr": "Les États parties touchés rendent compte de l'étude et de la dépollution des "
            "zones contaminées par des restes d'armes à sous-munitions, et de l'éducation des "
            "populations exposées.",
            "es": "Los Estados partes afectados informan sobre el reconocimiento y la limpieza de "
            "las zonas contaminadas por restos de municiones en racimo, y sobre la educación de "
            "las comunidades en riesgo.",
            "ar": "تقدم الدول الأطراف المتضررة تقارير عن مسح المناطق الملوثة بمخلفات الذخائر "
            "العنقودية وتطهيرها، وعن توعية المجتمعات المعرضة للخطر.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: clearance and destruction of cluster "
            "munition remnants and risk reduction education (Article 4)",
            "fr": "État et fonctionnement de la Convention : dépollution et destruction des "
            "restes d'armes à sous-munitions et éducation à la réduction des risques (article 4)",
            "es": "Situación y funcionamiento de la Convención: limpieza y destrucción de restos "
            "de municiones en racimo y educación sobre la reducción del riesgo (artículo 4)",
            "ar": "حالة الاتفاقية وسير عملها: إزالة مخلفات الذخائر العنقودية وتدميرها والتثقيف "
            "للحد من المخاطر (المادة 4)",
        },
    },
    {
        "slug": "stockpile-destruction",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 13),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(11, 30),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "Stockpile destruction and retention",
            "fr": "Destruction et conservation des stocks",
            "es": "Destrucción y retención de existencias",
            "ar": "تدمير المخزونات والاحتفاظ بها",
        },
        "description": {
            "en": "States Parties report on destroying their stockpiles of cluster munitions "
            "within the Convention's deadlines, and on the munitions they retain for training "
            "and development.",
            "fr": "Les États parties rendent compte de la destruction de leurs stocks d'armes à "
            "sous-munitions dans les délais fixés par la Convention, et des munitions conservées "
            "pour la formation et le développement.",
            "es": "Los Estados partes informan sobre la destrucción de sus existencias de "
            "municiones en racimo dentro de los plazos de la Convención, y sobre las municiones "
            "retenidas para adiestramiento y desarrollo.",
            "ar": "تقدم الدول الأطراف تقارير عن تدمير مخزوناتها من الذخائر العنقودية في غضون "
            "المهل المحددة في الاتفاقية، وعن الذخائر التي تحتفظ بها لأغراض التدريب والتطوير.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: stockpile destruction and retention "
            "(Article 3)",
            "fr": "État et fonctionnement de la Convention : destruction et conservation des "
            "stocks (article 3)",
            "es": "Situación y funcionamiento de la Convención: destrucción y retención de "
            "existencias (artículo 3)",
            "ar": "حالة الاتفاقية وسير عملها: تدمير المخزونات والاحتفاظ بها (المادة 3)",
        },
    },
    {
        "slug": "cooperation-and-assistance",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 13),
        "start_time": datetime.time(11, 30),
        "end_time": datetime.time(13, 0),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "International cooperation and assistance",
            "fr": "Coopération et assistance internationales",
            "es": "Cooperación y asistencia internacionales",
            "ar": "التعاون والمساعدة على الصعيد الدولي",
        },
        "description": {
            "en": "How States Parties in a position to do so support clearance, stockpile "
            "destruction and victim assistance in affected States, and how their partnerships "
            "can be made more effective.",
            "fr": "Comment les États parties qui sont en mesure de le faire soutiennent la "
            "dépollution, la destruction des stocks et l'assistance aux victimes dans les États "
            "touchés, et comment rendre leurs partenariats plus efficaces.",
            "es": "Cómo los Estados partes que están en condiciones de hacerlo apoyan la limpieza, "
            "la destrucción de existencias y la asistencia a las víctimas en los Estados "
            "afectados, y cómo hacer más eficaces sus alianzas.",
            "ar": "كيف تدعم الدول الأطراف القادرة على ذلك أعمال الإزالة وتدمير المخزونات ومساعدة "
            "الضحايا في الدول المتضررة، وكيف يمكن جعل شراكاتها أكثر فعالية.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: international cooperation and "
            "assistance (Article 6)",
            "fr": "État et fonctionnement de la Convention : coopération et assistance "
            "internationales (article 6)",
            "es": "Situación y funcionamiento de la Convención: cooperación y asistencia "
            "internacionales (artículo 6)",
            "ar": "حالة الاتفاقية وسير عملها: التعاون والمساعدة على الصعيد الدولي (المادة 6)",
        },
    },
    {
        "slug": "transparency-measures",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 13),
        "start_time": datetime.time(15, 0),
        "end_time": datetime.time(16, 30),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "Transparency measures",
            "fr": "Mesures de transparence",
            "es": "Medidas de transparencia",
            "ar": "تدابير الشفافية",
        },
        "description": {
            "en": "The transparency reports due under Article 7: how many States Parties report, "
            "and how the reports can serve cooperation.",
            "fr": "Les rapports de transparence dus au titre de l'article 7 : combien d'États "
            "parties les remettent, et comment ces rapports peuvent servir la coopération.",
            "es": "Los informes de transparencia previstos en el artículo 7: cuántos Estados "
            "partes los presentan y cómo pueden servir a la cooperación.",
            "ar": "تقارير الشفافية المطلوبة بموجب المادة 7: عدد الدول الأطراف التي تقدمها، وكيف "
            "يمكن أن تخدم هذه التقارير التعاون.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: transparency measures (Article 7)",
            "fr": "État et fonctionnement de la Convention : mesures de transparence (article 7)",
            "es": "Situación y funcionamiento de la Convención: medidas de transparencia "
            "(artículo 7)",
            "ar": "حالة الاتفاقية وسير عملها: تدابير الشفافية (المادة 7)",
        },
    },
    {
        "slug": "national-implementation-measures",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2012, 9, 13),
        "start_time": datetime.time(16, 30),
        "end_time": datetime.time(18, 0),
        "room": "plenary",
        "chairs": "",
        "title": {
            "en": "National implementation measures",
            "fr": "Mesures d'application nationales",
            "es": "Medidas de aplicación nacionales",
            "ar": "تدابير التنفيذ الوطنية",
        },
        "description": {
            "en": "The legal, administrative and other measures States Parties take to implement "
            "the Convention, including penal sanctions.",
            "fr": "Les mesures législatives, administratives et autres que prennent les États "
            "parties pour appliquer la Convention, y compris les sanctions pénales.",
            "es": "Las medidas legislativas, administrativas y de otra índole que adoptan los "
            "Estados partes para aplicar la Convención, incluidas las sanciones penales.",
            "ar": "التدابير التشريعية والإدارية وغيرها التي تتخذها الدول الأطراف لتنفيذ "
            "الاتفاقية، بما في ذلك العقوبات الجزائية.",
        },
        "agenda_item": {
            "en": "Status and operation of the Convention: national implementation measures "
            "(Article 9)",
            "fr": "État et fonctionnement de la Convention : mesures d'application nationales "
            "(article 9)",
            "es": "Situación y funcionamiento de la Convención: medidas de aplicación nacionales "
            "(artículo 9)",
            "ar": "حالة الاتفاقية وسير عملها: تدابير التنفيذ الوطنية (المادة 9)",
        },
    },
    {
        "slug": "closing",
        "kind": SessionKind.PLENARY,
        "date": datetime.date(2012, 9, 14),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(13, 0),
        "room": "plenary",
        "chairs": "Steffen Kongstad (Norway)",
        "title": {
            "en": "Closing plenary",
            "fr": "Séance plénière de clôture",
            "es": "Sesión plenaria de clausura",
            "ar": "الجلسة العامة الختامية",
        },
        "description": {
            "en": "Consideration of the Oslo Progress Report, adoption of the final report and "
            "closing of the meeting.",
            "fr": "Examen du rapport d'étape d'Oslo, adoption du rapport final et clôture de "
            "l'Assemblée.",
            "es": "Examen del Informe sobre los Progresos de Oslo, aprobación del informe final y "
            "clausura de la Reunión.",
            "ar": "النظر في تقرير أوسلو المرحلي، واعتماد التقرير الختامي، واختتام الاجتماع.",
        },
        "agenda_item": {
            "en": "Adoption of the final report and closing of the meeting",
            "fr": "Adoption du rapport final et clôture de l'Assemblée",
            "es": "Aprobación del informe final y clausura de la Reunión",
            "ar": "اعتماد التقرير الختامي واختتام الاجتماع",
        },
    },
]


# The Global Conference in Amman. Its four thematic sessions are the concept note's four guiding
# questions; the French is the note's own wording.
AMMAN_ROOMS = {
    "main-hall": {
        "en": "Main conference hall",
        "fr": "Salle de conférence principale",
        "es": "Sala principal de conferencias",
        "ar": "قاعة المؤتمرات الرئيسية",
    },
    "side-event-room": {
        "en": "Side-event room",
        "fr": "Salle des événements parallèles",
        "es": "Sala de eventos paralelos",
        "ar": "قاعة الفعاليات الجانبية",
    },
}

AMMAN_SESSIONS = [
    {
        "slug": "opening",
        "kind": SessionKind.PLENARY,
        "date": datetime.date(2019, 9, 10),
        "start_time": datetime.time(10, 0),
        "end_time": datetime.time(12, 30),
        "room": "main-hall",
        "chairs": "HRH Prince Mired Raad Zeid Al-Hussein",
        "title": {
            "en": "Opening plenary",
            "fr": "Séance plénière d'ouverture",
            "es": "Sesión plenaria de apertura",
            "ar": "الجلسة العامة الافتتاحية",
        },
        "description": {
            "en": "Opening of the conference by the Hashemite Kingdom of Jordan, with the "
            "Implementation Support Unit of the Convention and the European Union. The "
            "conference is an opportunity to draw on good practice in order to strengthen "
            "synergies between humanitarian, human-rights and development efforts, and to "
            "harmonize policies and programmes with the Convention on the Rights of Persons with "
            "Disabilities and the Sustainable Development Goals.",
            "fr": "Ouverture de la conférence par le Royaume hachémite de Jordanie, avec l'Unité "
            "d'appui à l'application de la Convention et l'Union européenne. La conférence est "
            "une opportunité de s'inspirer des bonnes pratiques afin de renforcer les synergies "
            "des efforts dans les domaines de l'humanitaire, des droits de l'homme et du "
            "développement, et d'harmoniser les politiques et les programmes avec la Convention "
            "relative aux droits des personnes handicapées et les Objectifs de développement "
            "durable.",
            "es": "Apertura de la conferencia por el Reino Hachemita de Jordania, con la "
            "Dependencia de Apoyo a la Aplicación de la Convención y la Unión Europea. La "
            "conferencia es una oportunidad para inspirarse en las buenas prácticas a fin de "
            "reforzar las sinergias entre los esfuerzos humanitarios, de derechos humanos y de "
            "desarrollo, y de armonizar las políticas y los programas con la Convención sobre los "
            "Derechos de las Personas con Discapacidad y los Objetivos de Desarrollo Sostenible.",
            "ar": "تفتتح المملكة الأردنية الهاشمية المؤتمر، مع وحدة دعم تنفيذ الاتفاقية والاتحاد "
            "الأوروبي. والمؤتمر فرصة للاستلهام من الممارسات الجيدة من أجل تعزيز التآزر بين "
            "الجهود الإنسانية وجهود حقوق الإنسان والتنمية، ومواءمة السياسات والبرامج مع اتفاقية "
            "حقوق الأشخاص ذوي الإعاقة وأهداف التنمية المستدامة.",
        },
        "agenda_item": NO_TEXT,
    },
    {
        "slug": "challenges-of-integration",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2019, 9, 10),
        "start_time": datetime.time(14, 0),
        "end_time": datetime.time(17, 30),
        "room": "main-hall",
        "chairs": "",
        "title": {
            "en": "Challenges in integrating victim assistance into broader disability and "
            "development contexts",
            "fr": "Les défis de l'intégration de l'assistance aux victimes dans les contextes "
            "plus larges du handicap et du développement",
            "es": "Los desafíos de la integración de la asistencia a las víctimas en los "
            "contextos más amplios de la discapacidad y el desarrollo",
            "ar": "تحديات إدماج مساعدة الضحايا في السياقات الأوسع للإعاقة والتنمية",
        },
        "description": {
            "en": "Guiding question: What are the challenges we must meet in integrating victim "
            "assistance into the broader contexts of disability and development?\n\n"
            "The States Parties have understood that victim assistance must be integrated into "
            "broader national policies, plans and legal frameworks relating to the rights of "
            "persons with disabilities, health, education, employment, development and poverty "
            "reduction.",
            "fr": "Question directrice : Quels sont les défis dans l'intégration de l'assistance "
            "aux victimes dans les contextes plus larges d'handicap et de développement que nous "
            "devons relever ?\n\n"
            "Les États parties ont compris que l'assistance aux victimes devait être intégrée "
            "dans des politiques, des plans et des cadres juridiques nationaux plus larges "
            "relatifs aux droits des personnes handicapées, à la santé, à l'éducation, à "
            "l'emploi, au développement et à la réduction de la pauvreté.",
            "es": "Pregunta orientadora: ¿Cuáles son los desafíos que debemos afrontar para "
            "integrar la asistencia a las víctimas en los contextos más amplios de la "
            "discapacidad y el desarrollo?\n\n"
            "Los Estados partes han comprendido que la asistencia a las víctimas debe integrarse "
            "en políticas, planes y marcos jurídicos nacionales más amplios relativos a los "
            "derechos de las personas con discapacidad, la salud, la educación, el empleo, el "
            "desarrollo y la reducción de la pobreza.",
            "ar": "السؤال التوجيهي: ما التحديات التي يتعين علينا مواجهتها في إدماج مساعدة "
            "الضحايا في السياقات الأوسع للإعاقة والتنمية؟\n\n"
            "وقد أدركت الدول الأطراف أن مساعدة الضحايا يجب أن تُدمج في سياسات وخطط وأطر قانونية "
            "وطنية أوسع تتعلق بحقوق الأشخاص ذوي الإعاقة والصحة والتعليم والعمل والتنمية والحد من "
            "الفقر.",
        },
        "agenda_item": {
            "en": "Guiding question 1",
            "fr": "Question directrice 1",
            "es": "Pregunta orientadora 1",
            "ar": "السؤال التوجيهي 1",
        },
    },
    {
        "slug": "breaking-down-silos",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2019, 9, 11),
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(12, 30),
        "room": "main-hall",
        "chairs": "",
        "title": {
            "en": "Breaking down silos: cooperation across disability, development and victim "
            "assistance",
            "fr": "Éliminer le cloisonnement et promouvoir la coopération dans les domaines du "
            "handicap, du développement et de l'assistance aux victimes",
            "es": "Eliminar la compartimentación y promover la cooperación en los ámbitos de la "
            "discapacidad, el desarrollo y la asistencia a las víctimas",
            "ar": "كسر العزلة بين القطاعات وتعزيز التعاون في مجالات الإعاقة والتنمية ومساعدة "
            "الضحايا",
        },
        "description": {
            "en": "Guiding question: How can we break down silos and promote cooperation in the "
            "fields of disability, development and victim assistance, so as to harmonize efforts "
            "towards common goals?\n\n"
            "National and international stakeholders, and those working on the rights of persons "
            "with disabilities, draw on good practice to strengthen synergies between "
            "humanitarian, human-rights and development efforts.",
            "fr": "Question directrice : Comment éliminer le cloisonnement et promouvoir la "
            "coopération dans les domaines du handicap, le développement et l'assistance aux "
            "victimes afin d'harmoniser les efforts pour arriver aux buts communs ?\n\n"
            "Les parties prenantes nationales et internationales, ainsi que celles traitant des "
            "droits des personnes handicapées, s'inspirent des bonnes pratiques afin de renforcer "
            "les synergies des efforts dans les domaines de l'humanitaire, des droits de l'homme "
            "et du développement.",
            "es": "Pregunta orientadora: ¿Cómo eliminar la compartimentación y promover la "
            "cooperación en los ámbitos de la discapacidad, el desarrollo y la asistencia a las "
            "víctimas, a fin de armonizar los esfuerzos para alcanzar objetivos comunes?\n\n"
            "Las partes interesadas nacionales e internacionales, así como las que se ocupan de "
            "los derechos de las personas con discapacidad, se inspiran en las buenas prácticas "
            "para reforzar las sinergias entre los esfuerzos humanitarios, de derechos humanos y "
            "de desarrollo.",
            "ar": "السؤال التوجيهي: كيف نكسر العزلة بين القطاعات ونعزز التعاون في مجالات الإعاقة "
            "والتنمية ومساعدة الضحايا من أجل مواءمة الجهود لبلوغ الأهداف المشتركة؟\n\n"
            "يستلهم أصحاب المصلحة الوطنيون والدوليون، والجهات المعنية بحقوق الأشخاص ذوي الإعاقة، "
            "الممارسات الجيدة لتعزيز التآزر بين الجهود الإنسانية وجهود حقوق الإنسان والتنمية.",
        },
        "agenda_item": {
            "en": "Guiding question 2",
            "fr": "Question directrice 2",
            "es": "Pregunta orientadora 2",
            "ar": "السؤال التوجيهي 2",
        },
    },
    {
        "slug": "from-maputo-to-oslo",
        "kind": SessionKind.SIDE_EVENT,
        "date": datetime.date(2019, 9, 11),
        "start_time": datetime.time(13, 0),
        "end_time": datetime.time(14, 0),
        "room": "side-event-room",
        "chairs": "",
        "title": {
            "en": "From the Maputo Action Plan to the Oslo Action Plan: victim assistance from "
            "2020 to 2024",
            "fr": "Du Plan d'action de Maputo au Plan d'action d'Oslo : l'assistance aux victimes "
            "de 2020 à 2024",
            "es": "Del Plan de Acción de Maputo al Plan de Acción de Oslo: la asistencia a las "
            "víctimas de 2020 a 2024",
            "ar": "من خطة عمل مابوتو إلى خطة عمل أوسلو: مساعدة الضحايا من 2020 إلى 2024",
        },
        "description": {
            "en": "The Maputo Action Plan, which has guided the States Parties since 2014, comes "
            "to an end at the end of 2019. The new action plan being developed, the Oslo Action "
            "Plan, will provide a new road map from 2020 to 2024, including for victim "
            "assistance.",
            "fr": "Le Plan d'action de Maputo, qui guide les États parties depuis 2014, arrivera "
            "à échéance à la fin de 2019. Le nouveau plan d'action en cours de développement, le "
            "Plan d'action d'Oslo, fournira une nouvelle feuille de route de 2020 à 2024, y "
            "compris pour l'assistance aux victimes.",
            "es": "El Plan de Acción de Maputo, que guía a los Estados partes desde 2014, llegará "
            "a su término a finales de 2019. El nuevo plan de acción en preparación, el Plan de "
            "Acción de Oslo, ofrecerá una nueva hoja de ruta de 2020 a 2024, también para la "
            "asistencia a las víctimas.",
            "ar": "تنتهي في نهاية عام 2019 مدة خطة عمل مابوتو التي توجّه الدول الأطراف منذ عام "
            "2014. وستوفر خطة العمل الجديدة التي يجري إعدادها، خطة عمل أوسلو، خارطة طريق جديدة "
            "للفترة من 2020 إلى 2024، بما في ذلك في مجال مساعدة الضحايا.",
        },
        "agenda_item": NO_TEXT,
    },
    {
        "slug": "untapped-resources",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2019, 9, 11),
        "start_time": datetime.time(14, 30),
        "end_time": datetime.time(17, 30),
        "room": "main-hall",
        "chairs": "",
        "title": {
            "en": "Untapped resources and opportunities to mobilise",
            "fr": "Les ressources et les opportunités inexploitées à mobiliser",
            "es": "Los recursos y las oportunidades sin explotar que hay que movilizar",
            "ar": "الموارد والفرص غير المستغلة الواجب حشدها",
        },
        "description": {
            "en": "Guiding question: What untapped resources and opportunities should be "
            "mobilised to make more means available?",
            "fr": "Question directrice : Quelles sont les ressources et les opportunités "
            "inexploitées à mobiliser pour mettre à disposition plus de moyens ?",
            "es": "Pregunta orientadora: ¿Cuáles son los recursos y las oportunidades sin "
            "explotar que deben movilizarse para disponer de más medios?",
            "ar": "السؤال التوجيهي: ما الموارد والفرص غير المستغلة التي ينبغي حشدها لإتاحة مزيد "
            "من الوسائل؟",
        },
        "agenda_item": {
            "en": "Guiding question 3",
            "fr": "Question directrice 3",
            "es": "Pregunta orientadora 3",
            "ar": "السؤال التوجيهي 3",
        },
    },
    {
        "slug": "sustainable-partnerships",
        "kind": SessionKind.THEMATIC,
        "date": datetime.date(2019, 9, 12),
        "start_time": datetime.time(9, 30),
        "end_time": datetime.time(12, 30),
        "room": "main-hall",
        "chairs": "",
        "title": {
            "en": "Concrete actions for sustainable partnerships, “leaving no one behind”",
            "fr": "Des actions concrètes pour des partenariats durables, « sans que personne ne "
            "soit oubliée »",
            "es": "Acciones concretas para alianzas sostenibles, «sin que nadie se quede atrás»",
            "ar": "إجراءات ملموسة من أجل شراكات مستدامة «دون أن يُترك أحد خلف الركب»",
        },
        "description": {
            "en": "Guiding question: What concrete actions are needed to promote partnerships at "
            "local, national, regional and international level, sustainably and “leaving no one "
            "behind”?",
            "fr": "Question directrice : Quelles actions concrètes sont-elles nécessaires afin de "
            "promouvoir les partenariats à un niveau local, national, régional et international "
            "de manière durable et « sans que personne ne soit oubliée » ?",
            "es": "Pregunta orientadora: ¿Qué acciones concretas son necesarias para promover las "
            "alianzas a nivel local, nacional, regional e internacional de manera sostenible y "
            "«sin que nadie se quede atrás»?",
            "ar": "السؤال التوجيهي: ما الإجراءات الملموسة اللازمة لتعزيز الشراكات على الصعيد "
            "المحلي والوطني والإقليمي والدولي بصورة مستدامة و«دون أن يُترك أحد خلف الركب»؟",
        },
        "agenda_item": {
            "en": "Guiding question 4",
            "fr": "Question directrice 4",
            "es": "Pregunta orientadora 4",
            "ar": "السؤال التوجيهي 4",
        },
    },
    {
        "slug": "closing",
        "kind": SessionKind.PLENARY,
        "date": datetime.date(2019, 9, 12),
        "start_time": datetime.time(14, 0),
        "end_time": datetime.time(15, 30),
        "room": "main-hall",
        "chairs": "HRH Prince Mired Raad Zeid Al-Hussein",
        "title": {
            "en": "Closing plenary",
            "fr": "Séance plénière de clôture",
            "es": "Sesión plenaria de clausura",
            "ar": "الجلسة العامة الختامية",
        },
        "description": {
            "en": "Conclusions of the four thematic sessions, and what they mean for victim "
            "assistance in the Oslo Action Plan being developed.",
            "fr": "Conclusions des quatre sessions thématiques, et ce qu'elles signifient pour "
            "l'assistance aux victimes dans le Plan d'action d'Oslo en cours de développement.",
            "es": "Conclusiones de las cuatro sesiones temáticas, y lo que significan para la "
            "asistencia a las víctimas en el Plan de Acción de Oslo en preparación.",
            "ar": "استنتاجات الجلسات المواضيعية الأربع، وما تعنيه لمساعدة الضحايا في خطة عمل "
            "أوسلو التي يجري إعدادها.",
        },
        "agenda_item": NO_TEXT,
    },
]


CONFERENCES = [
    {
        "slug": "3msp-oslo-2012",
        "reference_prefix": "3MSP",
        "convention": "ccm",
        "title": {
            "en": "Third Meeting of States Parties to the Convention on Cluster Munitions",
            "fr": "Troisième Assemblée des États parties à la Convention sur les armes à "
            "sous-munitions",
            "es": "Tercera Reunión de los Estados Partes en la Convención sobre Municiones en "
            "Racimo",
            "ar": "الاجتماع الثالث للدول الأطراف في اتفاقية الذخائر العنقودية",
        },
        "short_name": {"en": "3MSP", "fr": "3MSP", "es": "3MSP", "ar": "3MSP"},
        "description": {
            "en": "The Third Meeting of States Parties to the Convention on Cluster Munitions, "
            "held in Oslo under the presidency of Norway, reviews the status and operation of "
            "the Convention: universalization, victim assistance, clearance and risk reduction "
            "education, stockpile destruction, international cooperation and assistance, "
            "transparency and national implementation measures.\n\n"
            "The First and Second Meetings of States Parties took place in two heavily affected "
            "States, the Lao People's Democratic Republic and Lebanon, and focused on "
            "implementing the Convention's operative obligations. As President of the Third "
            "Meeting, Norway places additional emphasis on the Convention as a contribution to "
            "the protection of civilians and to strengthening international humanitarian law.\n\n"
            "Victim assistance is discussed on Wednesday 12 September.",
            "fr": "La Troisième Assemblée des États parties à la Convention sur les armes à "
            "sous-munitions, réunie à Oslo sous la présidence de la Norvège, examine l'état et le "
            "fonctionnement de la Convention : universalisation, assistance aux victimes, "
            "dépollution et éducation à la réduction des risques, destruction des stocks, "
            "coopération et assistance internationales, mesures de transparence et mesures "
            "d'application nationales.\n\n"
            "La Première et la Deuxième Assemblée des États parties se sont tenues dans deux "
            "États gravement touchés, la République démocratique populaire lao et le Liban, et "
            "ont porté sur la mise en œuvre des obligations opérationnelles de la Convention. En "
            "tant que Président de la Troisième Assemblée, la Norvège met en outre l'accent sur "
            "la Convention comme contribution à la protection des civils et au renforcement du "
            "droit international humanitaire.\n\n"
            "L'assistance aux victimes est examinée le mercredi 12 septembre.",
            "es": "La Tercera Reunión de los Estados Partes en la Convención sobre Municiones en "
            "Racimo, celebrada en Oslo bajo la presidencia de Noruega, examina la situación y el "
            "funcionamiento de la Convención: universalización, asistencia a las víctimas, "
            "limpieza y educación sobre la reducción del riesgo, destrucción de existencias, "
            "cooperación y asistencia internacionales, medidas de transparencia y medidas de "
            "aplicación nacionales.\n\n"
            "La Primera y la Segunda Reunión de los Estados Partes se celebraron en dos Estados "
            "gravemente afectados, la República Democrática Popular Lao y el Líbano, y se "
            "centraron en el cumplimiento de las obligaciones operativas de la Convención. Como "
            "Presidente de la Tercera Reunión, Noruega pone además el acento en la Convención "
            "como contribución a la protección de los civiles y al fortalecimiento del derecho "
            "internacional humanitario.\n\n"
            "La asistencia a las víctimas se examina el miércoles 12 de septiembre.",
            "ar": "يستعرض الاجتماع الثالث للدول الأطراف في اتفاقية الذخائر العنقودية، المنعقد في "
            "أوسلو برئاسة النرويج، حالة الاتفاقية وسير عملها: إضفاء الطابع العالمي على "
            "الاتفاقية، ومساعدة الضحايا، وإزالة المخلفات والتثقيف للحد من المخاطر، وتدمير "
            "المخزونات، والتعاون والمساعدة على الصعيد الدولي، وتدابير الشفافية، وتدابير التنفيذ "
            "الوطنية.\n\n"
            "وقد عُقد الاجتماعان الأول والثاني للدول الأطراف في دولتين متضررتين بشدة، هما "
            "جمهورية لاو الديمقراطية الشعبية ولبنان، وركّزا على تنفيذ الالتزامات العملية "
            "للاتفاقية. وتولي النرويج، بصفتها رئيسة الاجتماع الثالث، اهتماماً إضافياً للاتفاقية "
            "بوصفها إسهاماً في حماية المدنيين وفي تعزيز القانون الإنساني الدولي.\n\n"
            "وتُناقش مساعدة الضحايا يوم الأربعاء 12 أيلول/سبتمبر.",
        },
        "venue": {
            "en": "Oslo Congress Centre (Folkets Hus)",
            "fr": "Centre des congrès d'Oslo (Folkets Hus)",
            "es": "Centro de Congresos de Oslo (Folkets Hus)",
            "ar": "مركز أوسلو للمؤتمرات (فولكتس هوس)",
        },
        "city": {"en": "Oslo", "fr": "Oslo", "es": "Oslo", "ar": "أوسلو"},
        "country": "NO",
        "start_date": datetime.date(2012, 9, 11),
        "end_date": datetime.date(2012, 9, 14),
        "time_zone": "Europe/Oslo",
        "registration_opens_at": datetime.datetime(2012, 6, 1, 9, 0, tzinfo=OSLO),
        "registration_closes_at": datetime.datetime(2012, 9, 7, 17, 0, tzinfo=OSLO),
        "capacity": None,
        "is_published": True,
        "host": "NO",
        "organizers": ["NO"],
        "rooms": OSLO_ROOMS,
        "sessions": OSLO_SESSIONS,
        # The statements of the victim-assistance session went online on 15 September 2012.
        "statements_published_at": datetime.datetime(2012, 9, 15, 12, 0, tzinfo=OSLO),
    },
    {
        "slug": "amman-2019",
        "reference_prefix": "AMM19",
        "title": {
            "en": "Global Conference on Victim Assistance and the Rights of Persons with "
            "Disabilities — “Promoting Partnerships”",
            "fr": "Conférence mondiale sur l'assistance aux victimes et les droits des personnes "
            "handicapées — « Promouvoir les Partenariats »",
            "es": "Conferencia Mundial sobre la Asistencia a las Víctimas y los Derechos de las "
            "Personas con Discapacidad — «Promover las Alianzas»",
            "ar": "المؤتمر العالمي حول مساعدة الضحايا وحقوق الأشخاص ذوي الإعاقة — «تعزيز الشراكات»",
        },
        "short_name": {
            "en": "Amman 2019",
            "fr": "Amman 2019",
            "es": "Ammán 2019",
            "ar": "عمّان 2019",
        },
        "description": {
            "en": "The Anti-Personnel Mine Ban Convention obliges each State Party to provide "
            "“assistance for the care and rehabilitation, and social and economic reintegration, "
            "of mine victims”. Since the Convention was adopted, the States Parties have worked "
            "to define victim assistance and its aims better, “with the same precision and force "
            "as the other aims of the Convention”, making sure to meet the rights and needs of "
            "anti-personnel mine victims, including the women, girls, boys and men affected. To "
            "do so, the States Parties have understood that victim assistance must be integrated "
            "into broader national policies, plans and legal frameworks relating to the rights "
            "of persons with disabilities, health, education, employment, development and "
            "poverty reduction.\n\n"
            "The Maputo Action Plan, which since 2014 has guided the States Parties' efforts to "
            "implement their obligations, comes to an end at the end of 2019. The new action "
            "plan being developed, the Oslo Action Plan, will provide a new road map from 2020 to "
            "2024, including for victim assistance.\n\n"
            "The Global Conference on Assistance to Victims of Anti-Personnel Mines and Other "
            "Explosive Remnants of War and on the Rights of Persons with Disabilities, entitled "
            "“Promoting Partnerships”, is thus an opportunity for national and international "
            "stakeholders, and for those working on the rights of persons with disabilities, to "
            "draw on good practice in order to strengthen synergies between efforts in the "
            "humanitarian, human-rights and development fields, and to harmonize policies and "
            "programmes with those undertaken under the Convention on the Rights of Persons with "
            "Disabilities (CRPD) and the Sustainable Development Goals (SDGs). To that end, the "
            "conference will focus on the following questions:\n\n"
            "- What are the challenges we must meet in integrating victim assistance into the "
            "broader contexts of disability and development?\n"
            "- How can we break down silos and promote cooperation in the fields of disability, "
            "development and victim assistance, so as to harmonize efforts towards common goals?\n"
            "- What untapped resources and opportunities should be mobilised to make more means "
            "available?\n"
            "- What concrete actions are needed to promote partnerships at local, national, "
            "regional and international level, sustainably and “leaving no one behind”?\n\n"
            "States that have reported significant numbers of survivors of mines or other "
            "explosive remnants, or that are implementing aspects of victim assistance, are "
            "strongly encouraged to take part through their national expert on victim assistance "
            "and/or on the rights of persons with disabilities.\n\n"
            "More than a hundred delegates from all over the world, representing States, UN "
            "agencies, the International Committee of the Red Cross (ICRC), the International "
            "Campaign to Ban Landmines (ICBL), organizations representing the rights of persons "
            "with disabilities and of mine survivors, and academia, are expected in Amman from 10 "
            "to 12 September. The conference, organized by the Hashemite Kingdom of Jordan with "
            "the technical assistance of the Convention's Implementation Support Unit (ISU), is "
            "made possible by the financial support of a Decision of the Council of the European "
            "Union in favour of the implementation of the Convention.",
            # The concept note's own French, with its few slips of grammar corrected.
            "fr": "La Convention sur l'interdiction des mines antipersonnel oblige chaque État "
            "partie à fournir « une assistance pour les soins aux victimes des mines, pour leur "
            "réadaptation, pour leur réintégration sociale et économique ». Depuis l'adoption de "
            "la Convention, les États parties se sont efforcés de mieux définir l'assistance aux "
            "victimes et les objectifs d'assistance « avec la même précision et la même force "
            "que les autres buts énoncés dans la Convention », en veillant à satisfaire les "
            "droits et les besoins des victimes de mines antipersonnel – y compris des femmes, "  # noqa: RUF001
            "filles, garçons et hommes touchés. Pour ce faire, les États parties ont compris que "
            "l'assistance aux victimes devait être intégrée dans des politiques, des plans et des "
            "cadres juridiques nationaux plus larges relatifs aux droits des personnes "
            "handicapées, à la santé, à l'éducation, à l'emploi, au développement et à la "
            "réduction de la pauvreté.\n\n"
            "Le Plan d'action de Maputo, qui depuis 2014 guide les efforts des États parties dans "
            "la mise en œuvre de leurs obligations, arrivera à échéance à la fin de 2019. Le "
            "nouveau plan d'action en cours de développement, le Plan d'action d'Oslo, fournira "
            "une nouvelle feuille de route de 2020 à 2024, y compris pour l'assistance aux "
            "victimes.\n\n"
            "La Conférence mondiale sur l'assistance aux victimes des mines antipersonnel et "
            "d'autres restes explosifs de guerre et sur les droits des personnes handicapées, "
            "intitulée « Promouvoir les Partenariats », est ainsi une opportunité pour les "
            "parties prenantes nationales et internationales ainsi que pour celles traitant des "
            "droits des personnes handicapées, pour s'inspirer des bonnes pratiques afin de "
            "renforcer les synergies des efforts dans les domaines de l'humanitaire, des droits "
            "de l'homme et du développement, l'harmonisation des politiques et des programmes "
            "avec ceux entrepris sur la Convention relative aux droits des personnes handicapées "
            "(CDPH) et des Objectifs de développement durable (ODD). Afin d'y arriver, la "
            "conférence portera son attention sur les questions suivantes :\n\n"
            "- Quels sont les défis dans l'intégration de l'assistance aux victimes dans les "
            "contextes plus larges d'handicap et de développement que nous devons relever ?\n"
            "- Comment éliminer le cloisonnement et promouvoir la coopération dans les domaines "
            "du handicap, le développement et l'assistance aux victimes afin d'harmoniser les "
            "efforts pour arriver aux buts communs ?\n"
            "- Quelles sont les ressources et les opportunités inexploitées à mobiliser pour "
            "mettre à disposition plus de moyens ?\n"
            "- Quelles actions concrètes sont-elles nécessaires afin de promouvoir les "
            "partenariats à un niveau local, national, régional et international de manière "
            "durable et « sans que personne ne soit oubliée » ?\n\n"
            "Les États ayant indiqué un nombre significatif de survivants de mines ou d'autres "
            "restes explosifs ou ceux qui sont en train de mettre en œuvre des aspects de "
            "l'assistance aux victimes sont fortement encouragés à participer par le biais de "
            "leur expert national pour l'assistance aux victimes et/ou des droits relatifs aux "
            "personnes handicapées.\n\n"
            "Plus de cent délégués représentant des États, des agences de l'ONU, le Comité "
            "international de la Croix-Rouge (CICR), la Campagne internationale pour "
            "l'interdiction des mines antipersonnel (ICBL en anglais), des organisations "
            "représentant les droits des personnes handicapées et des survivants de mines, et le "
            "milieu universitaire partout dans le monde sont attendus à Amman du 10 au 12 "
            "septembre. La conférence, organisée par le Royaume hachémite de Jordanie et "
            "comptant sur l'assistance technique de l'Unité d'appui à l'application de la "
            "Convention (ISU en anglais), est possible grâce au support financier d'une Décision "
            "du Conseil de l'Union européenne en faveur de la mise en œuvre de la Convention.",
            "es": "La Convención sobre la Prohibición de las Minas Antipersonal obliga a cada "
            "Estado parte a prestar «asistencia para el cuidado y rehabilitación de víctimas de "
            "minas, y su integración social y económica». Desde la adopción de la Convención, "
            "los Estados partes se han esforzado por definir mejor la asistencia a las víctimas "
            "y sus objetivos «con la misma precisión y fuerza que los demás fines de la "
            "Convención», velando por satisfacer los derechos y las necesidades de las víctimas "
            "de minas antipersonal, incluidas las mujeres, niñas, niños y hombres afectados. Para "
            "ello, los Estados partes han comprendido que la asistencia a las víctimas debía "
            "integrarse en políticas, planes y marcos jurídicos nacionales más amplios relativos "
            "a los derechos de las personas con discapacidad, la salud, la educación, el empleo, "
            "el desarrollo y la reducción de la pobreza.\n\n"
            "El Plan de Acción de Maputo, que desde 2014 guía los esfuerzos de los Estados partes "
            "en el cumplimiento de sus obligaciones, llegará a su término a finales de 2019. El "
            "nuevo plan de acción en preparación, el Plan de Acción de Oslo, ofrecerá una nueva "
            "hoja de ruta de 2020 a 2024, también para la asistencia a las víctimas.\n\n"
            "La Conferencia Mundial sobre la Asistencia a las Víctimas de Minas Antipersonal y "
            "Otros Restos Explosivos de Guerra y sobre los Derechos de las Personas con "
            "Discapacidad, titulada «Promover las Alianzas», es así una oportunidad para que las "
            "partes interesadas nacionales e internacionales, así como las que se ocupan de los "
            "derechos de las personas con discapacidad, se inspiren en las buenas prácticas a fin "
            "de reforzar las sinergias entre los esfuerzos en los ámbitos humanitario, de los "
            "derechos humanos y del desarrollo, y de armonizar las políticas y los programas con "
            "los emprendidos en el marco de la Convención sobre los Derechos de las Personas con "
            "Discapacidad (CDPD) y de los Objetivos de Desarrollo Sostenible (ODS). Con ese fin, "
            "la conferencia se centrará en las siguientes preguntas:\n\n"
            "- ¿Cuáles son los desafíos que debemos afrontar para integrar la asistencia a las "
            "víctimas en los contextos más amplios de la discapacidad y el desarrollo?\n"
            "- ¿Cómo eliminar la compartimentación y promover la cooperación en los ámbitos de la "
            "discapacidad, el desarrollo y la asistencia a las víctimas, a fin de armonizar los "
            "esfuerzos para alcanzar objetivos comunes?\n"
            "- ¿Cuáles son los recursos y las oportunidades sin explotar que deben movilizarse "
            "para disponer de más medios?\n"
            "- ¿Qué acciones concretas son necesarias para promover las alianzas a nivel local, "
            "nacional, regional e internacional de manera sostenible y «sin que nadie se quede "
            "atrás»?\n\n"
            "Se alienta encarecidamente a los Estados que han señalado un número significativo "
            "de sobrevivientes de minas u otros restos explosivos, o que están aplicando aspectos "
            "de la asistencia a las víctimas, a participar por medio de su experto nacional en "
            "asistencia a las víctimas o en derechos de las personas con discapacidad.\n\n"
            "Se espera en Ammán, del 10 al 12 de septiembre, a más de cien delegados de todo el "
            "mundo en representación de Estados, organismos de las Naciones Unidas, el Comité "
            "Internacional de la Cruz Roja (CICR), la Campaña Internacional para la Prohibición "
            "de las Minas Terrestres (ICBL, por sus siglas en inglés), organizaciones que "
            "representan los derechos de las personas con discapacidad y de los sobrevivientes "
            "de minas, y el mundo académico. La conferencia, organizada por el Reino Hachemita de "
            "Jordania con la asistencia técnica de la Dependencia de Apoyo a la Aplicación de la "
            "Convención (ISU, por sus siglas en inglés), es posible gracias al apoyo financiero "
            "de una Decisión del Consejo de la Unión Europea en favor de la aplicación de la "
            "Convención.",
            "ar": "تُلزم اتفاقية حظر الألغام المضادة للأفراد كل دولة طرف بتقديم «المساعدة لرعاية "
            "ضحايا الألغام وإعادة تأهيلهم وإعادة إدماجهم اجتماعياً واقتصادياً». ومنذ اعتماد "
            "الاتفاقية، سعت الدول الأطراف إلى تحديد مساعدة الضحايا وأهدافها تحديداً أفضل «بالدقة "
            "والقوة نفسيهما اللتين حُدِّدت بهما أهداف الاتفاقية الأخرى»، حرصاً على الوفاء بحقوق "
            "ضحايا الألغام المضادة للأفراد واحتياجاتهم، بمن فيهم النساء والفتيات والفتيان "
            "والرجال المتضررون. ولتحقيق ذلك، أدركت الدول الأطراف أن مساعدة الضحايا يجب أن تُدمج "
            "في سياسات وخطط وأطر قانونية وطنية أوسع تتعلق بحقوق الأشخاص ذوي الإعاقة والصحة "
            "والتعليم والعمل والتنمية والحد من الفقر.\n\n"
            "وتنتهي في نهاية عام 2019 مدة خطة عمل مابوتو التي وجّهت منذ عام 2014 جهود الدول "
            "الأطراف في تنفيذ التزاماتها. وستوفر خطة العمل الجديدة التي يجري إعدادها، خطة عمل "
            "أوسلو، خارطة طريق جديدة للفترة من 2020 إلى 2024، بما في ذلك في مجال مساعدة "
            "الضحايا.\n\n"
            "ولذلك فإن المؤتمر العالمي حول مساعدة ضحايا الألغام المضادة للأفراد والمتفجرات "
            "الأخرى من مخلفات الحرب وحقوق الأشخاص ذوي الإعاقة، المعنون «تعزيز الشراكات»، فرصة "
            "لأصحاب المصلحة الوطنيين والدوليين، وللجهات المعنية بحقوق الأشخاص ذوي الإعاقة، "
            "للاستلهام من الممارسات الجيدة من أجل تعزيز التآزر بين الجهود المبذولة في المجالات "
            "الإنسانية ومجالات حقوق الإنسان والتنمية، ومواءمة السياسات والبرامج مع تلك المنفذة في "
            "إطار اتفاقية حقوق الأشخاص ذوي الإعاقة وأهداف التنمية المستدامة. ولبلوغ ذلك، سيركز "
            "المؤتمر على الأسئلة التالية:\n\n"
            "- ما التحديات التي يتعين علينا مواجهتها في إدماج مساعدة الضحايا في السياقات الأوسع "
            "للإعاقة والتنمية؟\n"
            "- كيف نكسر العزلة بين القطاعات ونعزز التعاون في مجالات الإعاقة والتنمية ومساعدة "
            "الضحايا من أجل مواءمة الجهود لبلوغ الأهداف المشتركة؟\n"
            "- ما الموارد والفرص غير المستغلة التي ينبغي حشدها لإتاحة مزيد من الوسائل؟\n"
            "- ما الإجراءات الملموسة اللازمة لتعزيز الشراكات على الصعيد المحلي والوطني والإقليمي "
            "والدولي بصورة مستدامة و«دون أن يُترك أحد خلف الركب»؟\n\n"
            "وتُشجَّع بقوة الدولُ التي أبلغت عن عدد كبير من الناجين من الألغام أو من المتفجرات "
            "الأخرى من مخلفات الحرب، أو التي تنفذ جوانب من مساعدة الضحايا، على المشاركة من خلال "
            "خبيرها الوطني في مجال مساعدة الضحايا و/أو حقوق الأشخاص ذوي الإعاقة.\n\n"
            "ويُتوقع أن يجتمع في عمّان من 10 إلى 12 أيلول/سبتمبر أكثر من مئة مندوب من جميع أنحاء "
            "العالم يمثلون الدول ووكالات الأمم المتحدة واللجنة الدولية للصليب الأحمر والحملة "
            "الدولية لحظر الألغام الأرضية والمنظمات الممثلة لحقوق الأشخاص ذوي الإعاقة والناجين من "
            "الألغام والأوساط الأكاديمية. والمؤتمر، الذي تنظمه المملكة الأردنية الهاشمية بمساعدة "
            "تقنية من وحدة دعم تنفيذ الاتفاقية، ممكن بفضل الدعم المالي المقدم بموجب قرار لمجلس "
            "الاتحاد الأوروبي دعماً لتنفيذ الاتفاقية.",
        },
        # The concept note does not name the venue.
        "venue": NO_TEXT,
        "city": {"en": "Amman", "fr": "Amman", "es": "Ammán", "ar": "عمّان"},
        "country": "JO",
        "start_date": datetime.date(2019, 9, 10),
        "end_date": datetime.date(2019, 9, 12),
        "time_zone": "Asia/Amman",
        "registration_opens_at": datetime.datetime(2019, 5, 15, 9, 0, tzinfo=AMMAN),
        "registration_closes_at": datetime.datetime(2019, 8, 30, 17, 0, tzinfo=AMMAN),
        # The concept note expects "more than a hundred delegates".
        "capacity": 150,
        "is_published": True,
        "host": "JO",
        "organizers": ["JO", "ISU"],
        "rooms": AMMAN_ROOMS,
        "sessions": AMMAN_SESSIONS,
        "statements_published_at": datetime.datetime(2019, 9, 13, 10, 0, tzinfo=AMMAN),
    },
]


# A fictional workshop whose registration is open whenever the demo is loaded, so that the public
# registration form can be tried, and with 40 places, the waiting list too. Its dates count from
# the day of loading, so it is built at load time rather than written out in CONFERENCES.
WORKSHOP_ROOMS = {
    "main-room": {
        "en": "Main room",
        "fr": "Salle principale",
        "es": "Sala principal",
        "ar": "القاعة الرئيسية",
    },
    "side-event-room": {
        "en": "Side-event room",
        "fr": "Salle des événements parallèles",
        "es": "Sala de eventos paralelos",
        "ar": "قاعة الفعاليات الجانبية",
    },
}


def workshop_conference(today):
    """The demonstration workshop as loaded on `today`: its registration opened 30 days before
    and closes 30 days after, and it is held 60 and 61 days after."""
    day = datetime.timedelta(days=1)
    first_day, second_day = today + 60 * day, today + 61 * day
    return {
        "slug": "va-workshop-demo",
        "reference_prefix": "VAW",
        "title": {
            "en": "Regional Workshop on Victim Assistance (demonstration)",
            "fr": "Atelier régional sur l'assistance aux victimes (démonstration)",
            "es": "Taller regional sobre asistencia a las víctimas (demostración)",
            "ar": "ورشة العمل الإقليمية بشأن مساعدة الضحايا (للعرض التوضيحي)",
        },
        "short_name": {
            "en": "VA Workshop",
            "fr": "Atelier AV",
            "es": "Taller AV",
            "ar": "ورشة مساعدة الضحايا",
        },
        "description": {
            "en": "A demonstration conference for trying registration: it is open whenever the "
            "demonstration data is loaded, and the dates move with the day of loading. Register "
            "as a delegate to see the form, the e-mail with your private link and, once the 40 "
            "places are taken, the waiting list.\n\n"
            "This workshop is fictional: no such meeting is planned, and its programme and venue "
            "are made up.",
            "fr": "Une conférence de démonstration pour essayer l'inscription : celle-ci est "
            "ouverte chaque fois que les données de démonstration sont chargées, et les dates "
            "suivent le jour du chargement. Inscrivez-vous comme délégué pour voir le "
            "formulaire, le courriel avec votre lien personnel et, une fois les 40 places prises, "
            "la liste d'attente.\n\n"
            "Cet atelier est fictif : aucune réunion de ce nom n'est prévue, et son programme et "
            "son lieu sont inventés.",
            "es": "Una conferencia de demostración para probar la inscripción: está abierta cada "
            "vez que se cargan los datos de demostración, y las fechas se desplazan con el día de "
            "la carga. Inscríbase como delegado para ver el formulario, el correo electrónico con "
            "su enlace personal y, una vez ocupadas las 40 plazas, la lista de espera.\n\n"
            "Este taller es ficticio: no está prevista ninguna reunión de este tipo, y su "
            "programa y su sede son inventados.",
            "ar": "مؤتمر للعرض التوضيحي لتجربة التسجيل: يكون باب التسجيل مفتوحاً كلما حُمّلت بيانات "
            "العرض التوضيحي، وتتغير التواريخ بحسب يوم التحميل. سجّل بصفتك مندوباً لترى الاستمارة "
            "والرسالة الإلكترونية التي تتضمن رابطك الخاص، ثم قائمة الانتظار بعد شغل المقاعد "
            "الأربعين.\n\n"
            "ورشة العمل هذه خيالية: لا يُعتزم عقد أي اجتماع كهذا، وبرنامجها ومكان انعقادها من "
            "نسج الخيال.",
        },
        "venue": {
            "en": "Example Conference Centre",
            "fr": "Centre de conférences Exemple",
            "es": "Centro de Conferencias Ejemplo",
            "ar": "مركز المؤتمرات «مثال»",
        },
        "city": {"en": "Geneva", "fr": "Genève", "es": "Ginebra", "ar": "جنيف"},
        "country": "CH",
        "start_date": first_day,
        "end_date": second_day,
        "time_zone": "Europe/Zurich",
        "registration_opens_at": datetime.datetime.combine(
            today - 30 * day, datetime.time(9, 0), tzinfo=GENEVA
        ),
        "registration_closes_at": datetime.datetime.combine(
            today + 30 * day, datetime.time(17, 0), tzinfo=GENEVA
        ),
        "capacity": 40,
        "is_published": True,
        "host": "ISU",
        "organizers": ["ISU", "ESN"],
        "rooms": WORKSHOP_ROOMS,
        "sessions": [
            {
                "slug": "opening",
                "kind": SessionKind.PLENARY,
                "date": first_day,
                "start_time": datetime.time(9, 30),
                "end_time": datetime.time(10, 30),
                "room": "main-room",
                "chairs": "",
                "title": {
                    "en": "Opening plenary",
                    "fr": "Séance plénière d'ouverture",
                    "es": "Sesión plenaria de apertura",
                    "ar": "الجلسة العامة الافتتاحية",
                },
                "description": {
                    "en": "Welcome and adoption of the programme.",
                    "fr": "Accueil et adoption du programme.",
                    "es": "Bienvenida y aprobación del programa.",
                    "ar": "الترحيب وإقرار البرنامج.",
                },
                "agenda_item": NO_TEXT,
            },
            {
                "slug": "victim-assistance-and-disability-inclusion",
                "kind": SessionKind.THEMATIC,
                "date": first_day,
                "start_time": datetime.time(11, 0),
                "end_time": datetime.time(13, 0),
                "room": "main-room",
                "chairs": "",
                "title": {
                    "en": "Victim assistance and disability inclusion",
                    "fr": "Assistance aux victimes et inclusion des personnes handicapées",
                    "es": "Asistencia a las víctimas e inclusión de las personas con discapacidad",
                    "ar": "مساعدة الضحايا وإدماج الأشخاص ذوي الإعاقة",
                },
                "description": {
                    "en": "How national disability, health and employment services can reach "
                    "survivors and other persons with disabilities alike.",
                    "fr": "Comment les services nationaux du handicap, de la santé et de l'emploi "
                    "peuvent atteindre aussi bien les survivants que les autres personnes "
                    "handicapées.",
                    "es": "Cómo los servicios nacionales de discapacidad, salud y empleo pueden "
                    "llegar tanto a los sobrevivientes como a las demás personas con "
                    "discapacidad.",
                    "ar": "كيف يمكن للخدمات الوطنية في مجالات الإعاقة والصحة والعمل أن تصل إلى "
                    "الناجين وإلى سائر الأشخاص ذوي الإعاقة على حد سواء.",
                },
                "agenda_item": NO_TEXT,
            },
            {
                "slug": "survivor-networks",
                "kind": SessionKind.SIDE_EVENT,
                "date": first_day,
                "start_time": datetime.time(13, 15),
                "end_time": datetime.time(14, 15),
                "room": "side-event-room",
                "chairs": "",
                "title": {
                    "en": "Side event: survivor networks and peer support",
                    "fr": "Événement parallèle : réseaux de survivants et soutien par les pairs",
                    "es": "Evento paralelo: redes de sobrevivientes y apoyo entre pares",
                    "ar": "فعالية جانبية: شبكات الناجين والدعم بين الأقران",
                },
                "description": {
                    "en": "Hosted by the Example Survivors' Network.",
                    "fr": "Organisé par le Réseau de survivants Exemple.",
                    "es": "Organizado por la Red de Sobrevivientes Ejemplo.",
                    "ar": "تنظمه شبكة الناجين «مثال».",
                },
                "agenda_item": NO_TEXT,
            },
            {
                "slug": "closing",
                "kind": SessionKind.PLENARY,
                "date": second_day,
                "start_time": datetime.time(10, 0),
                "end_time": datetime.time(12, 0),
                "room": "main-room",
                "chairs": "",
                "title": {
                    "en": "Closing plenary",
                    "fr": "Séance plénière de clôture",
                    "es": "Sesión plenaria de clausura",
                    "ar": "الجلسة العامة الختامية",
                },
                "description": {
                    "en": "Conclusions of the workshop.",
                    "fr": "Conclusions de l'atelier.",
                    "es": "Conclusiones del taller.",
                    "ar": "استنتاجات ورشة العمل.",
                },
                "agenda_item": NO_TEXT,
            },
        ],
    }


# Fictional delegates. Names are written in their own script; e-mails use example.org.
DELEGATES = [
    {
        "email": "ingrid.odegard@example.org",
        "honorific": "ms",
        "given_name": "Ingrid",
        "family_name": "Ødegård",
        "job_title": "Senior Adviser, Section for Humanitarian Affairs",
        "gender": "woman",
        "language": "en",
    },
    {
        "email": "rana.alkhatib@example.org",
        "honorific": "ms",
        "given_name": "رنا",
        "family_name": "الخطيب",
        "job_title": "منسقة وطنية لمساعدة الضحايا",
        "gender": "أنثى",
        "language": "ar",
    },
    {
        "email": "omar.alzoubi@example.org",
        "honorific": "he",
        "given_name": "عمر",
        "family_name": "الزعبي",
        "job_title": "سفير، وزارة الخارجية وشؤون المغتربين",
        "language": "ar",
    },
    {
        "email": "somphone.phommavong@example.org",
        "honorific": "mr",
        "given_name": "ສົມພອນ",
        "family_name": "ພົມມະວົງ",
        "job_title": "Expert national de l'assistance aux victimes",
        "language": "fr",
    },
    {
        "email": "farida.ahmadzai@example.org",
        "honorific": "ms",
        "given_name": "فریده",
        "family_name": "احمدزی",
        "job_title": "Victim Assistance Coordinator",
        "gender": "woman",
        "is_survivor": True,
        "has_disability": True,
        "language": "en",
    },
    {
        "email": "haider.aljubouri@example.org",
        "honorific": "dr",
        "given_name": "حيدر",
        "family_name": "الجبوري",
        "job_title": "مدير قسم إعادة التأهيل",
        "language": "ar",
    },
    {
        "email": "elira.shehu@example.org",
        "honorific": "ms",
        "given_name": "Elira",
        "family_name": "Shehu",
        "job_title": "Disability Rights Officer",
        "has_disability": True,
        "language": "en",
    },
    {
        "email": "amra.hadzic@example.org",
        "honorific": "ms",
        "given_name": "Amra",
        "family_name": "Hadžić",
        "job_title": "Mine Action Centre, Victim Assistance Unit",
        "language": "en",
    },
    {
        "email": "lucia.machava@example.org",
        "honorific": "ms",
        "given_name": "Lúcia",
        "family_name": "Machava",
        "job_title": "Technical Adviser, Ministry of Gender, Children and Social Action",
        "is_survivor": True,
        "has_disability": True,
        "language": "en",
    },
    {
        "email": "mariafernanda.ospina@example.org",
        "honorific": "dr",
        "given_name": "María Fernanda",
        "family_name": "Ospina Gómez",
        "job_title": "Directora de Asistencia Integral a Víctimas",
        "gender": "mujer",
        "language": "es",
    },
    {
        "email": "sokha.chan@example.org",
        "honorific": "mr",
        "given_name": "សុខា",
        "family_name": "ចាន់",
        "job_title": "Deputy Director, Victim Assistance Department",
        "language": "en",
    },
    {
        "email": "somchai.jaidee@example.org",
        "honorific": "mr",
        "given_name": "สมชาย",
        "family_name": "ใจดี",
        "job_title": "First Secretary",
        "language": "en",
    },
    {
        "email": "lan.nguyen@example.org",
        "honorific": "ms",
        "given_name": "Thị Lan",
        "family_name": "Nguyễn",
        "job_title": "Researcher, rehabilitation services",
        "language": "en",
    },
    {
        "email": "juergen.weiss@example.org",
        "honorific": "mr",
        "given_name": "Jürgen",
        "family_name": "Weiß",
        "job_title": "Desk Officer, Humanitarian Mine Action",
        "language": "en",
    },
    {
        "email": "amelie.cote@example.org",
        "honorific": "ms",
        "given_name": "Amélie",
        "family_name": "Côté-Lefèvre",
        "job_title": "Conseillère juridique, Unité armes",
        "language": "fr",
    },
    {
        "email": "dragana.petrovic@example.org",
        "honorific": "ms",
        "given_name": "Dragana",
        "family_name": "Petrović",
        "job_title": "Survivor advocate",
        "gender": "woman",
        "is_survivor": True,
        "has_disability": True,
        "language": "en",
    },
    {
        "email": "sam.okafor@example.org",
        "honorific": "mx",
        "given_name": "Sam",
        "family_name": "Okafor",
        "job_title": "Human Rights Adviser",
        "gender": "non-binary",
        "has_disability": True,
        "language": "en",
    },
    {
        "email": "yousef.alhamdan@example.org",
        "honorific": "mr",
        "given_name": "يوسف",
        "family_name": "الحمدان",
        "job_title": "منسق شبكة الناجين",
        "is_survivor": True,
        "has_disability": True,
        "language": "ar",
    },
    {
        "email": "layla.haddad@example.org",
        "honorific": "prof",
        "given_name": "ليلى",
        "family_name": "حداد",
        "job_title": "أستاذة في كلية علوم التأهيل",
        "language": "ar",
    },
    {
        "email": "jose.ibanez@example.org",
        "honorific": "mr",
        "given_name": "José Manuel",
        "family_name": "Ibáñez",
        "job_title": "Especialista en acción contra minas",
        "language": "es",
    },
    {
        "email": "mariam.diallo@example.org",
        "honorific": "ms",
        "given_name": "Mariam",
        "family_name": "Diallo",
        "job_title": "Spécialiste des droits des personnes handicapées",
        "language": "fr",
    },
    {
        "email": "baptiste.leveque@example.org",
        "honorific": "mr",
        "given_name": "Baptiste",
        "family_name": "Lévêque",
        "job_title": "Référent technique inclusion",
        "language": "fr",
    },
]

# Optional fields a delegate above may leave out; reloading resets them to these values.
DELEGATE_DEFAULTS = {
    "honorific": "",
    "phone": "",
    "job_title": "",
    "gender": "",
    "is_survivor": None,
    "has_disability": None,
}


# Registrations, by conference slug and delegate e-mail. Between them they use every status and
# every role. Travel-support requests are written in the delegate's own language.
REGISTRATIONS = [
    {
        "conference": "3msp-oslo-2012",
        "delegate": "ingrid.odegard@example.org",
        "organization": "NO",
        "role": Role.HEAD,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 6, 4, 10, 12, tzinfo=OSLO),
        "sessions": ["opening", "general-exchange-of-views", "victim-assistance", "closing"],
        "consents_to_public_listing": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "somphone.phommavong@example.org",
        "organization": "LA",
        "role": Role.VA_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 6, 20, 8, 45, tzinfo=OSLO),
        "sessions": ["victim-assistance", "clearance-and-risk-reduction"],
        "sponsorship_requested": True,
        "sponsorship_justification": "Expert national de l'assistance aux victimes d'un État "
        "partie touché ; notre ministère ne peut pas financer le voyage à Oslo.",
        "consents_to_public_listing": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "farida.ahmadzai@example.org",
        "organization": "AF",
        "role": Role.VA_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 7, 2, 14, 30, tzinfo=OSLO),
        "sessions": ["victim-assistance"],
        "needs_step_free_access": True,
        "sponsorship_requested": True,
        "sponsorship_justification": "I coordinate victim assistance in an affected State Party "
        "and am a survivor myself; my ministry has no budget for travel to Oslo.",
        "consents_to_public_listing": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "amra.hadzic@example.org",
        "organization": "BA",
        "role": Role.DELEGATE,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 7, 16, 11, 0, tzinfo=OSLO),
        "sessions": ["victim-assistance", "clearance-and-risk-reduction"],
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "lucia.machava@example.org",
        "organization": "MZ",
        "role": Role.DELEGATE,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 7, 24, 9, 20, tzinfo=OSLO),
        "sessions": ["victim-assistance"],
        "needs_step_free_access": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "mariafernanda.ospina@example.org",
        "organization": "CO",
        # In 2012 Colombia had signed the Convention but not yet ratified it.
        "role": Role.OBSERVER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 8, 1, 16, 5, tzinfo=OSLO),
        "sessions": ["victim-assistance"],
        "consents_to_public_listing": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "somchai.jaidee@example.org",
        "organization": "TH",
        "role": Role.OBSERVER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 8, 9, 10, 40, tzinfo=OSLO),
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "juergen.weiss@example.org",
        "organization": "DE",
        "role": Role.DELEGATE,
        "status": Status.CANCELLED,
        "submitted_at": datetime.datetime(2012, 6, 12, 13, 15, tzinfo=OSLO),
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "amelie.cote@example.org",
        "organization": "ICRC",
        "role": Role.ADVISER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 6, 28, 9, 0, tzinfo=OSLO),
        "sessions": ["opening", "victim-assistance"],
        "consents_to_public_listing": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "dragana.petrovic@example.org",
        "organization": "ICBL-CMC",
        "role": Role.DELEGATE,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 6, 15, 15, 50, tzinfo=OSLO),
        "sessions": ["victim-assistance", "closing"],
        "needs_step_free_access": True,
        "has_personal_assistant": True,
        "consents_to_public_listing": True,
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "layla.haddad@example.org",
        "organization": "UJ",
        "role": Role.OBSERVER,
        "status": Status.DECLINED,
        "submitted_at": datetime.datetime(2012, 9, 6, 18, 30, tzinfo=OSLO),
    },
    {
        "conference": "3msp-oslo-2012",
        "delegate": "jose.ibanez@example.org",
        "organization": "UNDP",
        "role": Role.OBSERVER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2012, 7, 10, 12, 0, tzinfo=OSLO),
        "sessions": ["cooperation-and-assistance"],
    },
    {
        "conference": "amman-2019",
        "delegate": "omar.alzoubi@example.org",
        "organization": "JO",
        "role": Role.HEAD,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 5, 16, 9, 30, tzinfo=AMMAN),
        "sessions": [
            "opening",
            "challenges-of-integration",
            "breaking-down-silos",
            "untapped-resources",
            "sustainable-partnerships",
            "closing",
        ],
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "rana.alkhatib@example.org",
        "organization": "JO",
        "role": Role.VA_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 5, 16, 10, 5, tzinfo=AMMAN),
        "sessions": [
            "challenges-of-integration",
            "breaking-down-silos",
            "untapped-resources",
            "sustainable-partnerships",
        ],
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "somphone.phommavong@example.org",
        "organization": "LA",
        "role": Role.VA_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 3, 8, 15, tzinfo=AMMAN),
        "sessions": [
            "challenges-of-integration",
            "breaking-down-silos",
            "from-maputo-to-oslo",
            "untapped-resources",
            "sustainable-partnerships",
        ],
        "sponsorship_requested": True,
        "sponsorship_justification": "Expert national de l'assistance aux victimes ; le "
        "budget du ministère ne couvre pas les voyages internationaux cette année.",
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "farida.ahmadzai@example.org",
        "organization": "AF",
        "role": Role.VA_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 10, 11, 45, tzinfo=AMMAN),
        "sessions": ["challenges-of-integration", "untapped-resources"],
        "needs_step_free_access": True,
        "sponsorship_requested": True,
        "sponsorship_justification": "Afghanistan has one of the largest numbers of survivors; "
        "I lead our national victim-assistance coordination and need support to travel.",
    },
    {
        "conference": "amman-2019",
        "delegate": "haider.aljubouri@example.org",
        "organization": "IQ",
        "role": Role.DELEGATE,
        "status": Status.SUBMITTED,
        "submitted_at": datetime.datetime(2019, 8, 29, 22, 10, tzinfo=AMMAN),
        "sessions": ["breaking-down-silos"],
        "sponsorship_requested": True,
        "sponsorship_justification": "أطلب دعماً للسفر لأن ميزانية الوزارة لا تغطي المشاركة في "
        "المؤتمرات الدولية هذا العام.",
    },
    {
        "conference": "amman-2019",
        "delegate": "elira.shehu@example.org",
        "organization": "AL",
        "role": Role.DISABILITY_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 18, 14, 0, tzinfo=AMMAN),
        "sessions": ["challenges-of-integration", "breaking-down-silos"],
        "needs_captioning": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "amra.hadzic@example.org",
        "organization": "BA",
        "role": Role.DELEGATE,
        "status": Status.CANCELLED,
        "submitted_at": datetime.datetime(2019, 6, 20, 9, 10, tzinfo=AMMAN),
    },
    {
        "conference": "amman-2019",
        "delegate": "lucia.machava@example.org",
        "organization": "MZ",
        "role": Role.VA_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 24, 10, 30, tzinfo=AMMAN),
        "sessions": ["challenges-of-integration", "sustainable-partnerships"],
        "needs_step_free_access": True,
        "has_personal_assistant": True,
        "sponsorship_requested": True,
        "sponsorship_justification": "I am a survivor and the national focal point for victim "
        "assistance; I travel with a personal assistant and need support for both of us.",
    },
    {
        "conference": "amman-2019",
        "delegate": "mariafernanda.ospina@example.org",
        "organization": "CO",
        "role": Role.HEAD,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 5, 16, 20, tzinfo=AMMAN),
        "sessions": ["opening", "breaking-down-silos", "sustainable-partnerships"],
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "sokha.chan@example.org",
        "organization": "KH",
        "role": Role.DELEGATE,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 7, 1, 7, 55, tzinfo=AMMAN),
        "sessions": ["untapped-resources", "sustainable-partnerships"],
    },
    {
        "conference": "amman-2019",
        "delegate": "somchai.jaidee@example.org",
        "organization": "TH",
        "role": Role.DELEGATE,
        "status": Status.DECLINED,
        "submitted_at": datetime.datetime(2019, 8, 30, 16, 50, tzinfo=AMMAN),
    },
    {
        "conference": "amman-2019",
        "delegate": "lan.nguyen@example.org",
        "organization": "VN",
        "role": Role.OBSERVER,
        "status": Status.WAITLISTED,
        "submitted_at": datetime.datetime(2019, 8, 28, 13, 25, tzinfo=AMMAN),
        "sessions": ["untapped-resources"],
    },
    {
        "conference": "amman-2019",
        "delegate": "amelie.cote@example.org",
        "organization": "ICRC",
        "role": Role.ADVISER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 12, 9, 40, tzinfo=AMMAN),
        "sessions": ["opening", "breaking-down-silos"],
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "dragana.petrovic@example.org",
        "organization": "ICBL-CMC",
        "role": Role.DELEGATE,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 5, 28, 12, 15, tzinfo=AMMAN),
        "sessions": ["challenges-of-integration", "sustainable-partnerships"],
        "needs_step_free_access": True,
        "has_personal_assistant": True,
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "sam.okafor@example.org",
        "organization": "IDA",
        "role": Role.DISABILITY_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 5, 22, 15, 5, tzinfo=AMMAN),
        "sessions": ["challenges-of-integration", "breaking-down-silos"],
        "sign_language": "International Sign",
        "needs_captioning": True,
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "yousef.alhamdan@example.org",
        "organization": "ESN",
        "role": Role.DELEGATE,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 7, 8, 11, 30, tzinfo=AMMAN),
        "sessions": ["challenges-of-integration", "sustainable-partnerships"],
        "needs_accessible_documents": True,
        "has_personal_assistant": True,
        "other_accessibility_needs": "أرجو إرسال وثائق الجلسات بصيغة يقرأها قارئ الشاشة قبل كل "
        "جلسة.",
        "consents_to_public_listing": True,
    },
    {
        "conference": "amman-2019",
        "delegate": "layla.haddad@example.org",
        "organization": "UJ",
        "role": Role.OBSERVER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 7, 15, 10, 0, tzinfo=AMMAN),
        "sessions": ["untapped-resources"],
    },
    {
        "conference": "amman-2019",
        "delegate": "jose.ibanez@example.org",
        "organization": "UNDP",
        "role": Role.OBSERVER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 26, 17, 35, tzinfo=AMMAN),
        "sessions": ["untapped-resources"],
    },
    {
        "conference": "amman-2019",
        "delegate": "mariam.diallo@example.org",
        "organization": "OHCHR",
        "role": Role.DISABILITY_EXPERT,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 14, 8, 50, tzinfo=AMMAN),
        "sessions": ["breaking-down-silos"],
        "other_accessibility_needs": "Siège au premier rang, près de l'écran.",
    },
    {
        "conference": "amman-2019",
        "delegate": "baptiste.leveque@example.org",
        "organization": "HI",
        "role": Role.ADVISER,
        "status": Status.CONFIRMED,
        "submitted_at": datetime.datetime(2019, 6, 7, 13, 0, tzinfo=AMMAN),
        "sessions": ["from-maputo-to-oslo", "sustainable-partnerships"],
        "consents_to_public_listing": True,
    },
]

# Optional fields a registration above may leave out; reloading resets them to these values.
REGISTRATION_DEFAULTS = {
    "needs_step_free_access": False,
    "sign_language": "",
    "needs_captioning": False,
    "needs_accessible_documents": False,
    "has_personal_assistant": False,
    "other_accessibility_needs": "",
    "sponsorship_requested": False,
    "sponsorship_justification": "",
    "consents_to_public_listing": False,
}


# Published statements, by conference and session slug and delegation. `translations` lists the
# languages the statement is also published in.
STATEMENTS = [
    {
        "conference": "3msp-oslo-2012",
        "session": "victim-assistance",
        "organization": "NO",
        "language": "en",
        "speaker": "Ingrid Ødegård",
    },
    {
        "conference": "3msp-oslo-2012",
        "session": "victim-assistance",
        "organization": "LA",
        "language": "en",
        "speaker": "ສົມພອນ ພົມມະວົງ",
        "translations": ["fr"],
    },
    {
        "conference": "3msp-oslo-2012",
        "session": "victim-assistance",
        "organization": "AF",
        "language": "en",
        "speaker": "فریده احمدزی",
    },
    {
        "conference": "3msp-oslo-2012",
        "session": "victim-assistance",
        "organization": "ICRC",
        "language": "fr",
        "speaker": "Amélie Côté-Lefèvre",
    },
    {
        "conference": "3msp-oslo-2012",
        "session": "victim-assistance",
        "organization": "ICBL-CMC",
        "language": "en",
        "speaker": "Dragana Petrović",
    },
    {
        "conference": "amman-2019",
        "session": "opening",
        "organization": "JO",
        "language": "ar",
        "speaker": "عمر الزعبي",
        "translations": ["en"],
    },
    {
        "conference": "amman-2019",
        "session": "challenges-of-integration",
        "organization": "IDA",
        "language": "en",
        "speaker": "Sam Okafor",
    },
    {
        "conference": "amman-2019",
        "session": "breaking-down-silos",
        "organization": "CO",
        "language": "es",
        "speaker": "María Fernanda Ospina Gómez",
    },
]


def translated(field, texts):
    """{"en": "Norway", "fr": "Norvège", ...} as modeltranslation's columns name_en, name_fr..."""
    return {f"{field}_{language}": texts[language] for language in LANGUAGES}


def organization_key(data):
    return data["country"] if data["kind"] == OrganizationKind.STATE else data["acronym"]


@transaction.atomic
def load_demo(today=None):
    """Create or update every row of the demonstration data; return how many of each it holds.

    The workshop's dates count from `today`, by default the day of loading.
    """
    today = today or datetime.date.today()
    organizations = {organization_key(data): load_organization(data) for data in ORGANIZATIONS}
    users = {data["username"]: load_user(data) for data in USERS}
    conferences = {}
    rooms = []
    sessions = {}
    for data in [*CONFERENCES, workshop_conference(today)]:
        conference = load_conference(data, organizations)
        conferences[conference.slug] = conference
        conference_rooms = {
            key: load_room(conference, names) for key, names in data["rooms"].items()
        }
        rooms.extend(conference_rooms.values())
        for session_data in data["sessions"]:
            session = load_session(conference, session_data, conference_rooms)
            sessions[conference.slug, session.slug] = session
        # Only now that its sessions have moved may the conference leave their old dates.
        conference.start_date, conference.end_date = data["start_date"], data["end_date"]
        conference.save(update_fields=["start_date", "end_date"])
    delegates = {data["email"]: data for data in DELEGATES}
    registrations = [
        load_registration(data, conferences, delegates, organizations, sessions)
        for data in REGISTRATIONS
    ]
    published_at = {data["slug"]: data["statements_published_at"] for data in CONFERENCES}
    statements = []
    for data in STATEMENTS:
        statements.extend(
            load_statements(
                data,
                sessions[data["conference"], data["session"]],
                organizations[data["organization"]],
                uploaded_by=users["statements"],
                published_at=published_at[data["conference"]],
            )
        )
    return {
        "conferences": len(conferences),
        "rooms": len(rooms),
        "sessions": len(sessions),
        "organizations": len(organizations),
        "delegates": len(delegates),
        "registrations": len(registrations),
        "statements": len(statements),
        "staff users": len(users),
    }


def load_organization(data):
    fields = {
        **translated("name", data["name"]),
        "acronym": data.get("acronym", ""),
        "country": data["country"],
        "mbt_status": data.get("mbt_status", ""),
        "ccm_status": data.get("ccm_status", ""),
        "crpd_status": data.get("crpd_status", ""),
        "has_va_obligations": data.get("has_va_obligations", False),
        "is_verified": True,
    }
    if data["kind"] == OrganizationKind.STATE:
        organization, _created = Organization.objects.update_or_create(
            kind=data["kind"], country=data["country"], defaults=fields
        )
    else:
        organization, _created = Organization.objects.update_or_create(
            kind=data["kind"], name_en=data["name"]["en"], defaults=fields
        )
    return organization


def load_user(data):
    user, _created = get_user_model().objects.update_or_create(
        username=data["username"],
        defaults={
            "email": data["email"],
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "is_staff": True,
            "is_superuser": data["is_superuser"],
            "is_active": True,
        },
    )
    user.set_password(data["password"])
    user.save(update_fields=["password"])
    groups = [Group.objects.get(name=data["group"])] if data["group"] else []
    user.groups.set(groups)
    return user


def load_conference(data, organizations):
    """Create or update the conference, with dates that span both its stored and its new ones.

    The database refuses a conference whose dates leave out one of its sessions, and the
    workshop's dates move with the day of loading: the span holds the sessions' old dates and
    their new ones, and load_demo narrows it to the new dates once the sessions have moved.
    """
    start_date, end_date = data["start_date"], data["end_date"]
    stored = Conference.objects.filter(slug=data["slug"]).values("start_date", "end_date").first()
    if stored:
        start_date = min(start_date, stored["start_date"])
        end_date = max(end_date, stored["end_date"])
    conference, _created = Conference.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **translated("title", data["title"]),
            **translated("short_name", data["short_name"]),
            **translated("description", data["description"]),
            **translated("venue", data["venue"]),
            **translated("city", data["city"]),
            "reference_prefix": data["reference_prefix"],
            # A meeting of one treaty's States Parties names it; a global conference does not.
            "convention": data.get("convention", ""),
            "country": data["country"],
            "start_date": start_date,
            "end_date": end_date,
            "time_zone": data["time_zone"],
            "registration_opens_at": data["registration_opens_at"],
            "registration_closes_at": data["registration_closes_at"],
            "capacity": data["capacity"],
            "is_published": data["is_published"],
            "host": organizations[data["host"]],
        },
    )
    conference.organizers.set([organizations[key] for key in data["organizers"]])
    return conference


def load_room(conference, names):
    room, _created = Room.objects.update_or_create(
        conference=conference, name_en=names["en"], defaults=translated("name", names)
    )
    return room


def load_session(conference, data, rooms):
    session, _created = Session.objects.update_or_create(
        conference=conference,
        slug=data["slug"],
        defaults={
            **translated("title", data["title"]),
            **translated("description", data["description"]),
            **translated("agenda_item", data["agenda_item"]),
            "kind": data["kind"],
            "date": data["date"],
            "start_time": data["start_time"],
            "end_time": data["end_time"],
            "room": rooms[data["room"]],
            "chairs": data["chairs"],
            "is_public": True,
        },
    )
    return session


def load_registration(data, conferences, delegates, organizations, sessions):
    """A registration, with the details its delegate gave (the same at each conference)."""
    person = {**DELEGATE_DEFAULTS, **delegates[data["delegate"]]}
    delegate, _created = Delegate.objects.get_or_create(email=person.pop("email"))
    fields = {**REGISTRATION_DEFAULTS, **person, **data}
    del fields["delegate"]
    conference = conferences[fields.pop("conference")]
    organization = organizations[fields.pop("organization")]
    attended = [sessions[conference.slug, slug] for slug in fields.pop("sessions", [])]
    submitted_at = fields.pop("submitted_at")
    Registration.validate_sessions(conference, attended)
    registration, _created = Registration.objects.update_or_create(
        delegate=delegate,
        conference=conference,
        defaults={**fields, "organization": organization, "privacy_accepted_at": submitted_at},
    )
    registration.sessions.set(attended)
    # auto_now_add stamps today; these delegates registered before their meeting.
    Registration.objects.filter(pk=registration.pk).update(created_at=submitted_at)
    return registration


def load_statements(data, session, organization, uploaded_by, published_at):
    """The statement as delivered, then its translations; return them all."""
    original = load_statement(
        session, organization, data["language"], data["speaker"], None, uploaded_by, published_at
    )
    translations = [
        load_statement(
            session, organization, language, data["speaker"], original, uploaded_by, published_at
        )
        for language in data.get("translations", [])
    ]
    return [original, *translations]


def load_statement(session, organization, language, speaker, original, uploaded_by, published_at):
    content = statement_pdf(session, organization, language, original)
    statement = Statement.objects.filter(
        session=session, organization=organization, language=language
    ).first() or Statement(session=session, organization=organization, language=language)
    statement.speaker = speaker
    statement.original = original
    statement.is_published = True
    statement.published_at = published_at
    statement.uploaded_by = uploaded_by

    storage = statement.file.storage
    unchanged = (
        statement.pk
        and statement.checksum == hashlib.sha256(content).hexdigest()
        and storage.exists(statement.file.name)
    )
    if unchanged:
        statement.save()
    else:
        # Only the suffix of this name is kept: statement_file_name() draws a random one.
        statement.file.save("statement.pdf", ContentFile(content), save=False)
        statement.save()
        statement.file.close()
        # The demonstration keeps no earlier file: deleting the record deletes the file.
        statement.earlier_files.all().delete()
    # auto_now_add stamps today; the files went online after the meeting.
    Statement.objects.filter(pk=statement.pk).update(uploaded_at=published_at)
    return statement
