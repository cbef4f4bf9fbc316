//! Which devices the demo tenant has. The first ones are a hand-picked showcase: every case the
//! reset screen must explain (eligible phones, phones too old or only registered, desktops, other
//! platforms, a wipe-pending and a stale device, names with quotes and accents). Filler devices
//! follow so that lists need paging.

pub(crate) use super::platform::{AndroidMode, Platform};

#[derive(Debug, Clone)]
pub(super) struct Spec {
    pub(super) name: String,
    pub(super) owner: Option<&'static str>,
    pub(super) platform: Platform,
    pub(super) os_version: &'static str,
    pub(super) model: &'static str,
    pub(super) manufacturer: &'static str,
    pub(super) enrollment: &'static str,
    pub(super) management_state: &'static str,
    pub(super) synced_days_ago: i64,
    pub(super) compliance: &'static str,
    pub(super) personal: bool,
    pub(super) past_actions: bool,
    /// How an Android phone is enrolled, which only beta can tell (`None` elsewhere).
    pub(super) android: Option<AndroidMode>,
}

fn spec(name: &str, owner: Option<&'static str>, platform: Platform, os: &'static str) -> Spec {
    Spec {
        name: name.to_owned(),
        owner,
        platform,
        os_version: os,
        model: "",
        manufacturer: "",
        enrollment: "windowsAzureADJoin",
        management_state: "managed",
        synced_days_ago: 0,
        compliance: "compliant",
        personal: false,
        past_actions: false,
        android: None,
    }
}

impl Spec {
    fn hardware(mut self, manufacturer: &'static str, model: &'static str) -> Self {
        self.manufacturer = manufacturer;
        self.model = model;
        self
    }
    fn enrolled_by(mut self, enrollment: &'static str) -> Self {
        self.enrollment = enrollment;
        self
    }
    fn state(mut self, state: &'static str) -> Self {
        self.management_state = state;
        self
    }
    fn synced(mut self, days_ago: i64) -> Self {
        self.synced_days_ago = days_ago;
        self
    }
    fn noncompliant(mut self) -> Self {
        self.compliance = "noncompliant";
        self
    }
    fn personal(mut self) -> Self {
        self.personal = true;
        self
    }
    /// An Android phone enrolled as `mode`. v1.0's `deviceEnrollmentType` has no Android
    /// members: company enrollments report `unknownFutureValue` there.
    fn android(mut self, mode: AndroidMode) -> Self {
        self.android = Some(mode);
        if mode.beta_enrollment().is_some() {
            self.enrollment = "unknownFutureValue";
        }
        self
    }
    fn with_past_actions(mut self) -> Self {
        self.past_actions = true;
        self
    }

    /// Beta `joinType`, derived the way Intune derives it from the enrollment.
    pub(super) fn join_type(&self) -> &'static str {
        match (self.platform, self.enrollment) {
            (Platform::Windows81, _) => "unknown",
            (
                _,
                "windowsAzureADJoin"
                | "windowsBulkAzureDomainJoin"
                | "windowsAzureADJoinUsingDeviceAuth",
            ) => "azureADJoined",
            (_, "windowsCoManagement" | "windowsAutoEnrollment") => "hybridAzureADJoined",
            _ => "azureADRegistered",
        }
    }
}

use AndroidMode::{Aosp, Dedicated, DeviceAdministrator, FullyManaged, WorkProfile};
use Platform::{Android, Ios, MacOs, Windows81, WindowsDesktop, WindowsPhone};

pub(super) fn showcase() -> Vec<Spec> {
    let ms = "Microsoft Corporation";
    vec![
        spec(
            "Zoë’s Lumia",
            Some("zoe.martin"),
            WindowsPhone,
            "10.0.15254.603",
        )
        .hardware(ms, "Lumia 950"),
        spec(
            "O'Brien's phone",
            Some("liam.obrien"),
            WindowsPhone,
            "10.0.15063.1868",
        )
        .hardware("HP", "HP Elite x3")
        .synced(1)
        .with_past_actions(),
        spec(
            "NW-PHONE-0107",
            Some("mateo.garcia"),
            WindowsPhone,
            "10.0.15063.2108",
        )
        .hardware(ms, "Lumia 650")
        .enrolled_by("windowsBulkAzureDomainJoin"),
        spec("The \"spare\" Lumia", None, WindowsPhone, "10.0.15063.1805")
            .hardware(ms, "Lumia 950 XL")
            .synced(3),
        spec(
            "Lumia 640 (Inès)",
            Some("ines.dubois"),
            WindowsPhone,
            "10.0.14393.2551",
        )
        .hardware(ms, "Lumia 640 LTE")
        .synced(2),
        spec(
            "NW-PHONE-0042",
            Some("kenji.watanabe"),
            WindowsPhone,
            "10.0.10586.1540",
        )
        .hardware(ms, "Lumia 550")
        .synced(5),
        spec(
            "Priya's Elite x3",
            Some("priya.raman"),
            WindowsPhone,
            "10.0.15254.603",
        )
        .hardware("HP", "HP Elite x3")
        .enrolled_by("userEnrollment")
        .personal(),
        spec(
            "Old Lumia 950 XL",
            Some("kenji.watanabe"),
            WindowsPhone,
            "10.0.15063.1868",
        )
        .hardware(ms, "Lumia 950 XL")
        .state("wipePending")
        .synced(9),
        spec(
            "NW-PHONE-0009",
            Some("mateo.garcia"),
            WindowsPhone,
            "10.0.15063.2108",
        )
        .hardware(ms, "Lumia 950")
        .synced(214)
        .noncompliant(),
        spec(
            "NW-LT-0117",
            Some("helpdesk"),
            WindowsDesktop,
            "10.0.22631.4460",
        )
        .hardware(ms, "Surface Laptop 5"),
        spec(
            "NW-DT-0300",
            Some("admin"),
            WindowsDesktop,
            "10.0.19045.5131",
        )
        .hardware("Dell Inc.", "OptiPlex 7010")
        .enrolled_by("windowsCoManagement"),
        // A 1703 desktop has the same build number as an eligible phone: a rule that looks only
        // at osVersion gets this one wrong.
        spec(
            "NW-LT-1703",
            Some("ana.souza"),
            WindowsDesktop,
            "10.0.15063.2679",
        )
        .hardware(ms, "Surface Pro 4")
        .synced(12),
        spec(
            "Ngozi's Surface",
            Some("ngozi.okafor"),
            WindowsDesktop,
            "10.0.26100.2314",
        )
        .hardware(ms, "Surface Pro 9")
        .enrolled_by("windowsAutoEnrollment"),
        spec("NW-KIOSK-81", None, Windows81, "6.3.9600.20778")
            .hardware("LENOVO", "ThinkCentre M73")
            .enrolled_by("userEnrollment")
            .synced(40)
            .noncompliant(),
        spec("Zoë’s iPhone", Some("zoe.martin"), Ios, "17.6.1")
            .hardware("Apple", "iPhone 15")
            .enrolled_by("userEnrollment")
            .personal(),
        spec("Liam's iPhone", Some("liam.obrien"), Ios, "16.7.10")
            .hardware("Apple", "iPhone 13")
            .enrolled_by("appleBulkWithUser"),
        spec("Priya's Galaxy", Some("priya.raman"), Android, "14")
            .hardware("samsung", "SM-S911B")
            .enrolled_by("userEnrollment")
            .personal()
            .android(WorkProfile {
                corporate: false,
                token: true,
            }),
        spec("NW-AND-0031", Some("soren.lund"), Android, "15")
            .hardware("Google", "Pixel 8")
            .android(FullyManaged),
        spec("Avery's MacBook Air", Some("admin"), MacOs, "14.7.1")
            .hardware("Apple", "MacBook Air (M2, 2022)")
            .enrolled_by("appleBulkWithUser"),
        // Names that break naive URL building: each must be found by exactly its own filter.
        spec(
            "50% off & more #2/3",
            Some("soren.lund"),
            WindowsPhone,
            "10.0.15063.2108",
        )
        .hardware(ms, "Lumia 950"),
        spec(
            "Sales #4 / North",
            Some("ana.souza"),
            WindowsDesktop,
            "10.0.22631.4460",
        )
        .hardware("Dell Inc.", "Latitude 7440"),
        spec(
            "R&D 100%",
            Some("ngozi.okafor"),
            WindowsPhone,
            "10.0.15254.603",
        )
        .hardware("HP", "HP Elite x3"),
        spec(
            "Kenji's phone 📱✨",
            Some("kenji.watanabe"),
            WindowsPhone,
            "10.0.15063.1868",
        )
        .hardware(ms, "Lumia 950 XL"),
        spec(
            "هاتف مريم",
            Some("priya.raman"),
            WindowsPhone,
            "10.0.15254.603",
        )
        .hardware(ms, "Lumia 650"),
        spec(
            "מחשב נייד 7",
            Some("mateo.garcia"),
            WindowsDesktop,
            "10.0.26100.2314",
        )
        .hardware("LENOVO", "ThinkPad X1 Carbon Gen 12"),
        // One device for every row of Microsoft's passcode-reset tables not shown above.
        spec("Mateo's iPhone", Some("mateo.garcia"), Ios, "18.1")
            .hardware("Apple", "iPhone 16")
            .enrolled_by("appleUserEnrollment")
            .personal(),
        spec("NW-KIOSK-AND-07", None, Android, "13")
            .hardware("samsung", "SM-T636B")
            .android(Dedicated),
        spec("Ana's work phone", Some("ana.souza"), Android, "14")
            .hardware("Google", "Pixel 8a")
            .android(WorkProfile {
                corporate: true,
                token: true,
            }),
        spec("Inès's Pixel", Some("ines.dubois"), Android, "13")
            .hardware("Google", "Pixel 7")
            .enrolled_by("userEnrollment")
            .personal()
            .android(WorkProfile {
                corporate: false,
                token: false,
            }),
        spec(
            "Kenji's old Galaxy",
            Some("kenji.watanabe"),
            Android,
            "7.1.1",
        )
        .hardware("samsung", "SM-G930F")
        .enrolled_by("userEnrollment")
        .personal()
        .android(WorkProfile {
            corporate: false,
            token: true,
        }),
        spec("NW-SCAN-0012", None, Android, "6.0.1")
            .hardware("Zebra Technologies", "TC51")
            .enrolled_by("userEnrollment")
            .android(DeviceAdministrator),
        spec("Ngozi's Moto", Some("ngozi.okafor"), Android, "10")
            .hardware("motorola", "moto g(8)")
            .enrolled_by("userEnrollment")
            .android(DeviceAdministrator),
        spec("NW-GLASS-0002", None, Android, "11")
            .hardware("RealWear", "HMT-1")
            .android(Aosp { userless: true }),
        spec("Søren's headset", Some("soren.lund"), Android, "12")
            .hardware("RealWear", "Navigator 500")
            .android(Aosp { userless: false }),
    ]
}

const FILLER_OWNERS: [&str; 8] = [
    "zoe.martin",
    "liam.obrien",
    "mateo.garcia",
    "ines.dubois",
    "kenji.watanabe",
    "ngozi.okafor",
    "ana.souza",
    "soren.lund",
];

pub(super) fn filler(n: usize) -> Spec {
    let owner = Some(FILLER_OWNERS[n % FILLER_OWNERS.len()]);
    let synced = i64::try_from(n % 6).unwrap_or(0);
    // Five digits and up, so no filler name repeats a showcase name such as NW-LT-1703.
    let number = 10_000 + n;
    let ms = "Microsoft Corporation";
    match n % 7 {
        0 | 3 => spec(
            &format!("NW-LT-{number}"),
            owner,
            WindowsDesktop,
            "10.0.22631.4460",
        )
        .hardware("LENOVO", "ThinkPad T14 Gen 4"),
        1 => spec(
            &format!("NW-DT-{number}"),
            owner,
            WindowsDesktop,
            "10.0.19045.5131",
        )
        .hardware("HP", "HP EliteDesk 800 G9")
        .enrolled_by("windowsCoManagement"),
        2 | 5 => spec(
            &format!("NW-PHONE-{number}"),
            owner,
            WindowsPhone,
            "10.0.15254.603",
        )
        .hardware(ms, "Lumia 950"),
        4 => spec(&format!("NW-IPH-{number}"), owner, Ios, "18.1")
            .hardware("Apple", "iPhone 16")
            .enrolled_by("appleBulkWithUser"),
        _ => spec(&format!("NW-AND-{number}"), owner, Android, "14")
            .hardware("samsung", "SM-A546B")
            .android(AndroidMode::FullyManaged),
    }
    .synced(synced)
}
