//! Stable words the window finds its sentences by. Each list is one Rust enum sent as its word;
//! the TypeScript union is generated from it, and the window's type check fails while a word has
//! no sentence in a catalogue.

/// An enum whose variants travel as the given words, with the list of them and the word of each.
macro_rules! word_enum {
    ($(#[$meta:meta])* pub enum $name:ident {
        $($(#[$doc:meta])* $variant:ident => $word:literal),* $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, ts_rs::TS)]
        pub enum $name {
            $($(#[$doc])* #[serde(rename = $word)] $variant),*
        }

        impl $name {
            /// Every word, for the window's generated lists.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $word),*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Lets tests and logs compare a value with its word.
        impl PartialEq<&str> for $name {
            fn eq(&self, word: &&str) -> bool {
                self.as_str() == *word
            }
        }
    };
}

pub(crate) use word_enum;
