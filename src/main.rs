//! The `bulletin` command: a thin shell around [`bulletin::cli`].

use clap::Parser;

fn main() {
    let cli = bulletin::cli::Cli::parse();
    match bulletin::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            for message in &e.messages {
                eprintln!("error: {message}");
            }
            if let Some(hint) = &e.hint {
                eprintln!("hint: {hint}");
            }
            std::process::exit(e.code);
        }
    }
}
