//! The view stage: from the model to the generated Typst source.
//!
//! [`view::build`] makes the view model (sums, rounding, Dutch formatting);
//! [`Templates`] runs the minijinja templates of the template folder over it,
//! writing every value through the one escaping path in [`typst_code`].

pub mod format;
pub mod horizontaal;
pub mod markdown;
pub mod narrative;
pub mod typst_code;
pub mod view;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use crate::assets::TemplateSet;

/// The minijinja template that produces `main.typ`.
pub const MAIN_TEMPLATE: &str = "main.typ.j2";

/// Fuel for one template run: ample for the largest budget, finite for a
/// template that loops forever.
const FUEL: u64 = 50_000_000;

/// The template environment of one template folder.
pub struct Templates {
    env: Environment<'static>,
    /// Where the templates came from, for messages.
    origin: TemplateSet,
}

/// A template problem: the template is broken (exit 2 for the bundled
/// templates, 1 for a user's).
#[derive(Debug)]
pub struct TemplateError {
    pub message: String,
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

fn describe(e: &minijinja::Error) -> String {
    let mut msg = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(&format!(": {s}"));
        src = s.source();
    }
    msg
}

impl Templates {
    /// Takes every `*.j2` file of the set. Templates see no file system: what
    /// they include or import must be one of these.
    pub fn load(set: &TemplateSet) -> Result<Templates, TemplateError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.set_recursion_limit(100);
        env.set_auto_escape_callback(|_| AutoEscape::Custom("typst".into()));
        env.set_formatter(|out, state, value| {
            if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "typst") {
                let mut s = String::new();
                typst_code::write_value(&mut s, value)?;
                out.write_str(&s).map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string()))
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        for (name, bytes) in set.files.iter().filter(|(n, _)| n.ends_with(".j2")) {
            let text = String::from_utf8(bytes.to_vec())
                .map_err(|_| TemplateError { message: format!("{} is not valid UTF-8", set.display(name)) })?;
            env.add_template_owned(name.clone(), text)
                .map_err(|e| TemplateError { message: format!("{}: {}", set.display(name), describe(&e)) })?;
        }
        if env.get_template(MAIN_TEMPLATE).is_err() {
            return Err(TemplateError { message: format!("the template set has no {}", set.display(MAIN_TEMPLATE)) });
        }
        Ok(Templates { env, origin: TemplateSet { files: Default::default(), dir: set.dir.clone() } })
    }

    /// Renders `main.typ` from the view model.
    pub fn render<S: serde::Serialize>(&self, view: &S) -> Result<String, TemplateError> {
        self.render_named(MAIN_TEMPLATE, view)
    }

    /// Renders the template `name` of the set with the view model as `doc`.
    pub fn render_named<S: serde::Serialize>(&self, name: &str, view: &S) -> Result<String, TemplateError> {
        let tmpl = self.env.get_template(name).map_err(|e| TemplateError { message: describe(&e) })?;
        let ctx = minijinja::Value::from(minijinja::value::Serde(view));
        tmpl.render(minijinja::context! { doc => ctx })
            .map_err(|e| TemplateError { message: format!("{}: {}", self.origin.display(name), describe(&e)) })
    }
}
