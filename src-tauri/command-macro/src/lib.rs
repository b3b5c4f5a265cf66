//! `#[confab_command]` on a command function makes it a Tauri command and, beside it, a module
//! of the same name whose `signature()` describes the command to the TypeScript generator:
//! its name, the arguments the window passes (with the types Rust takes), and what it
//! returns. The arguments Tauri fills in itself (state, the app handle, the window) are left
//! out, so the wrapper cannot drift from the function: change an argument and the generated
//! file changes with it.

use proc_macro::TokenStream;
use quote::quote;
use syn::{
    FnArg, GenericArgument, ItemFn, Pat, PathArguments, ReturnType, Type, parse_macro_input,
};

/// Types Tauri hands a command by itself; the window never passes them.
const FILLED_IN_BY_TAURI: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

#[proc_macro_attribute]
pub fn confab_command(attr: TokenStream, item: TokenStream) -> TokenStream {
    if !attr.is_empty() {
        let error = syn::Error::new(
            proc_macro2::Span::call_site(),
            "#[confab_command] takes no arguments",
        );
        return error.to_compile_error().into();
    }
    let function = parse_macro_input!(item as ItemFn);
    match signature_module(&function) {
        Ok(module) => quote! {
            #[::tauri::command]
            #function
            #module
        }
        .into(),
        Err(error) => error.to_compile_error().into(),
    }
}

fn signature_module(function: &ItemFn) -> syn::Result<proc_macro2::TokenStream> {
    let name = &function.sig.ident;
    let mut args = Vec::new();
    for input in &function.sig.inputs {
        let FnArg::Typed(typed) = input else {
            return Err(syn::Error::new_spanned(input, "a command takes no `self`"));
        };
        if last_segment(&typed.ty).is_some_and(|s| FILLED_IN_BY_TAURI.contains(&s.as_str())) {
            continue;
        }
        let Pat::Ident(arg) = typed.pat.as_ref() else {
            return Err(syn::Error::new_spanned(
                &typed.pat,
                "a command's argument needs a plain name: the window passes it by that name",
            ));
        };
        let arg_name = arg.ident.to_string();
        let ty = &typed.ty;
        let ts = match channel_payload(ty) {
            Some(payload) => quote!(crate::bindings::channel_of::<#payload>()),
            None => quote!(crate::bindings::name_of::<#ty>()),
        };
        args.push(quote!((#arg_name, #ts)));
    }
    let returns = match &function.sig.output {
        ReturnType::Default => quote!(crate::bindings::name_of::<()>()),
        ReturnType::Type(_, ty) => {
            let ok = ok_type(ty).unwrap_or(ty);
            quote!(crate::bindings::name_of::<#ok>())
        }
    };
    let command = name.to_string();
    let doc = format!("What the window needs to call `{command}`.");
    Ok(quote! {
        #[doc = #doc]
        #[doc(hidden)]
        pub mod #name {
            #[allow(unused_imports)]
            use super::*;

            pub fn signature() -> crate::bindings::Signature {
                crate::bindings::Signature {
                    name: #command,
                    args: vec![#(#args),*],
                    returns: #returns,
                }
            }
        }
    })
}

fn last_segment(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The `T` of `Result<T, _>`: what the window's promise resolves to.
fn ok_type(ty: &Type) -> Option<&Type> {
    first_generic_of(ty, "Result")
}

/// The `T` of `Channel<T>`: what Rust sends the window over it.
fn channel_payload(ty: &Type) -> Option<&Type> {
    first_generic_of(ty, "Channel")
}

fn first_generic_of<'a>(ty: &'a Type, wrapper: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    let segment = path.path.segments.last()?;
    if segment.ident != wrapper {
        return None;
    }
    let PathArguments::AngleBracketed(generics) = &segment.arguments else {
        return None;
    };
    generics.args.iter().find_map(|arg| match arg {
        GenericArgument::Type(ty) => Some(ty),
        _ => None,
    })
}
