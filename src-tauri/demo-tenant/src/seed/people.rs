//! The people of the demo tenant: three who can sign in, and the employees who own devices.

use super::stable_id;

/// Directory roles that matter to PinDesk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    IntuneAdministrator,
    ApplicationAdministrator,
    IntuneHelpDeskOperator,
    /// Entra role: may give a Temporary Access Pass to people who hold no admin role.
    AuthenticationAdministrator,
    /// Entra role: may give a Temporary Access Pass to anyone, administrators too.
    PrivilegedAuthenticationAdministrator,
    /// Entra role: reads the authentication methods policy (and changes nothing).
    GlobalReader,
    /// Entra role: turns authentication methods on and scopes them.
    AuthenticationPolicyAdministrator,
}

impl Role {
    pub fn display_name(self) -> &'static str {
        match self {
            Role::IntuneAdministrator => "Intune Administrator",
            Role::ApplicationAdministrator => "Application Administrator",
            Role::IntuneHelpDeskOperator => "Intune Help Desk Operator",
            Role::AuthenticationAdministrator => "Authentication Administrator",
            Role::PrivilegedAuthenticationAdministrator => {
                "Privileged Authentication Administrator"
            }
            Role::GlobalReader => "Global Reader",
            Role::AuthenticationPolicyAdministrator => "Authentication Policy Administrator",
        }
    }
}

/// Someone who can sign in on the demo sign-in page.
#[derive(Debug, Clone, Copy)]
pub struct Person {
    pub sign_in_name: &'static str,
    pub display_name: &'static str,
    pub given_name: &'static str,
    pub surname: &'static str,
    pub job_title: &'static str,
    /// Object id: fixed so that tests and screenshots stay the same from run to run.
    pub oid: &'static str,
    pub roles: &'static [Role],
    /// What this person may do, in the words a helpdesk trainee understands.
    pub plain_roles: &'static str,
}

pub const PEOPLE: [Person; 3] = [
    Person {
        sign_in_name: crate::ADMIN,
        display_name: "Avery Admin",
        given_name: "Avery",
        surname: "Admin",
        job_title: "IT Administrator",
        oid: "a1f3c5e7-0b2d-4f60-8a1c-3e5f7a9b1d20",
        roles: &[
            Role::IntuneAdministrator,
            Role::ApplicationAdministrator,
            Role::PrivilegedAuthenticationAdministrator,
            Role::AuthenticationPolicyAdministrator,
        ],
        plain_roles: "Intune Administrator, Application Administrator, Privileged \
                      Authentication Administrator and Authentication Policy Administrator: can \
                      set up the tenant (consent and policy), reset passcodes and give anyone a \
                      Temporary Access Pass.",
    },
    Person {
        sign_in_name: crate::HELPDESK,
        display_name: "Harper Helpdesk",
        given_name: "Harper",
        surname: "Helpdesk",
        job_title: "Service Desk Analyst",
        oid: "b2e4d6f8-1c3e-4a71-9b2d-4f6a8b0c2e31",
        roles: &[
            Role::IntuneHelpDeskOperator,
            Role::AuthenticationAdministrator,
            Role::GlobalReader,
        ],
        plain_roles: "Intune Help Desk Operator, Authentication Administrator and Global \
                      Reader: can find devices, reset their passcodes and give people without an \
                      admin role a Temporary Access Pass, but cannot change the tenant's setup.",
    },
    Person {
        sign_in_name: crate::NO_ROLE,
        display_name: "Noah Norole",
        given_name: "Noah",
        surname: "Norole",
        job_title: "Sales Representative",
        oid: "c3f5e7a9-2d4f-4b82-8c3e-5a7b9c1d3f42",
        roles: &[],
        plain_roles: "No Intune role: can sign in, but cannot see or manage devices.",
    },
];

/// Finds a person by sign-in name the way Entra does: case-insensitively.
pub fn person_by_sign_in_name(name: &str) -> Option<&'static Person> {
    PEOPLE
        .iter()
        .find(|p| p.sign_in_name.eq_ignore_ascii_case(name.trim()))
}

/// A directory user who owns devices but never signs in to the demo.
#[derive(Debug, Clone)]
pub struct Employee {
    pub id: String,
    pub display_name: String,
    pub user_principal_name: String,
}

/// Names with accents and apostrophes on purpose: they must survive JSON, OData literals and HTML.
const EMPLOYEES: [(&str, &str); 9] = [
    ("Zoë Martin", "zoe.martin"),
    ("Liam O'Brien", "liam.obrien"),
    ("Mateo García", "mateo.garcia"),
    ("Inès Dubois", "ines.dubois"),
    ("Kenji Watanabe", "kenji.watanabe"),
    ("Priya Raman", "priya.raman"),
    ("Ngozi Okafor", "ngozi.okafor"),
    ("Ana Souza", "ana.souza"),
    ("Søren Lund", "soren.lund"),
];

/// Every device owner: the three people first (so their ids match their tokens), then employees.
pub fn owners(domain: &str) -> Vec<Employee> {
    let people = PEOPLE.iter().map(|p| Employee {
        id: p.oid.to_owned(),
        display_name: p.display_name.to_owned(),
        user_principal_name: p.sign_in_name.to_owned(),
    });
    let employees = EMPLOYEES.iter().map(|(name, alias)| Employee {
        id: stable_id("user", alias),
        display_name: (*name).to_owned(),
        user_principal_name: format!("{alias}@{domain}"),
    });
    people.chain(employees).collect()
}

/// Index into [`owners`] by mail alias, so the device table reads as names, not numbers.
pub fn owner_index(alias: &str) -> Option<usize> {
    if let Some(i) = PEOPLE
        .iter()
        .position(|p| p.sign_in_name.split('@').next() == Some(alias))
    {
        return Some(i);
    }
    EMPLOYEES
        .iter()
        .position(|(_, a)| *a == alias)
        .map(|i| i + PEOPLE.len())
}
