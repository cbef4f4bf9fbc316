//! The managed devices of the tenant, made on demand from their index: starting with 100 000
//! devices costs nothing, and a device only takes memory once an action has changed it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use time::OffsetDateTime;

use serde_json::{Map, Value};

use super::devices::{LIGHT_PROPERTIES, ManagedDevice, device_at, id_at, light_at, spec_at};
use super::people::{Employee, owner_index};

/// The properties a helpdesk search filters on, kept for every device: Intune answers such a
/// search from an index, and so does the demo tenant, or a search of a large fleet would time
/// this simulator's scan instead of the app.
const INDEXED: [&str; 2] = ["deviceName", "serialNumber"];

#[derive(Clone)]
pub struct Fleet {
    count: usize,
    now: OffsetDateTime,
    owners: Vec<Employee>,
    /// Devices an action has changed, by index; they win over the generated form.
    changed: HashMap<usize, ManagedDevice>,
    /// Device id to index, built on the first lookup by id.
    ids: OnceLock<HashMap<String, usize>>,
    /// The [`INDEXED`] properties of every generated device; built in the background from the
    /// start, and waited for by a search that comes before it is done.
    search_index: Arc<OnceLock<SearchIndex>>,
}

/// What Intune's own indexes answer without reading the fleet.
struct SearchIndex {
    /// The [`INDEXED`] properties, by device index.
    properties: Vec<Map<String, Value>>,
    /// Serial number (ASCII capitals) to the devices that carry it, in the tenant's order.
    by_serial: HashMap<String, Vec<usize>>,
}

impl std::fmt::Debug for Fleet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fleet")
            .field("count", &self.count)
            .field("changed", &self.changed.len())
            .finish_non_exhaustive()
    }
}

impl Fleet {
    pub fn new(count: usize, owners: Vec<Employee>, now: OffsetDateTime) -> Fleet {
        let search_index = Arc::new(OnceLock::new());
        let building = Arc::clone(&search_index);
        std::thread::spawn(move || {
            building.get_or_init(|| index_of_fleet(count));
        });
        Fleet {
            count,
            now,
            owners,
            changed: HashMap::new(),
            ids: OnceLock::new(),
            search_index,
        }
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The device at `index` in the tenant's order.
    pub fn get(&self, index: usize) -> Option<ManagedDevice> {
        if index >= self.count {
            return None;
        }
        Some(
            self.changed
                .get(&index)
                .cloned()
                .unwrap_or_else(|| device_at(index, &self.owners, self.now)),
        )
    }

    /// Reads, device by device, the [`LIGHT_PROPERTIES`](super::devices::LIGHT_PROPERTIES)
    /// that `wanted` asks for (more for a changed device), without building the devices. Whether
    /// the search index serves them is decided once here, not for each of a fleet's devices.
    pub fn light_reader<'a>(
        &'a self,
        wanted: &'a dyn Fn(&str) -> bool,
    ) -> impl Fn(usize) -> Option<Cow<'a, Map<String, Value>>> + 'a {
        let indexed = LIGHT_PROPERTIES
            .iter()
            .all(|name| !wanted(name) || INDEXED.contains(name));
        let search_index =
            indexed.then(|| self.search_index.get_or_init(|| index_of_fleet(self.count)));
        move |index| {
            if index >= self.count {
                return None;
            }
            if let Some(device) = self.changed.get(&index) {
                return Some(Cow::Borrowed(&device.properties));
            }
            match search_index.and_then(|all| all.properties.get(index)) {
                Some(properties) => Some(Cow::Borrowed(properties)),
                None => Some(Cow::Owned(light_at(index, wanted))),
            }
        }
    }

    /// The devices that may carry one of `serials` (ASCII case ignored), in the tenant's order:
    /// every device with it, and every device an action has changed, for the filter to decide.
    /// `None` when a serial is not plain ASCII; the caller reads the whole fleet then. An `eq` on
    /// a serial number is answered from Intune's index, so it must not time a scan here either.
    pub fn with_serial_numbers(&self, serials: &[&str]) -> Option<Vec<usize>> {
        if !serials.iter().all(|serial| serial.is_ascii()) {
            return None;
        }
        let index = self.search_index.get_or_init(|| index_of_fleet(self.count));
        let mut found: Vec<usize> = serials
            .iter()
            .filter_map(|serial| index.by_serial.get(&serial.to_ascii_uppercase()))
            .flatten()
            .copied()
            .chain(self.changed.keys().copied())
            .collect();
        found.sort_unstable();
        found.dedup();
        Some(found)
    }

    /// Every device in order, each made as it is reached.
    pub fn iter(&self) -> impl Iterator<Item = ManagedDevice> + '_ {
        (0..self.count).filter_map(|i| self.get(i))
    }

    /// The user id of the person the device at `index` belongs to, without building the device
    /// (an action never changes who owns it).
    pub fn owner_id_at(&self, index: usize) -> Option<&str> {
        let alias = spec_at(index).owner?;
        let owner = owner_index(alias).and_then(|i| self.owners.get(i))?;
        Some(owner.id.as_str())
    }

    /// Where the device with `id` sits, if it exists.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids
            .get_or_init(|| (0..self.count).map(|i| (id_at(i), i)).collect())
            .get(id)
            .copied()
    }

    /// Changes the device at `index` and keeps the change.
    pub fn update(&mut self, index: usize, change: impl FnOnce(&mut ManagedDevice)) -> bool {
        let Some(mut device) = self.get(index) else {
            return false;
        };
        change(&mut device);
        self.changed.insert(index, device);
        true
    }
}

fn index_of_fleet(count: usize) -> SearchIndex {
    let properties: Vec<Map<String, Value>> = (0..count)
        .map(|index| light_at(index, &|name| INDEXED.contains(&name)))
        .collect();
    let mut by_serial: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, device) in properties.iter().enumerate() {
        if let Some(Value::String(serial)) = device.get("serialNumber") {
            by_serial
                .entry(serial.to_ascii_uppercase())
                .or_default()
                .push(index);
        }
    }
    SearchIndex {
        properties,
        by_serial,
    }
}
