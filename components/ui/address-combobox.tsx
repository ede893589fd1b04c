"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/**
 * "Zoek uw adres": an address search with suggestions from the address register,
 * for residents who know their street and number better than their postcode. Choosing a
 * suggestion fills the form's postcode, house number and addition fields (by id), which stay
 * the fields that are sent and checked; without JavaScript the search is simply not there.
 *
 * The ARIA 1.2 combobox pattern (list autocomplete): the input has role combobox,
 * aria-expanded and aria-controls; the options are a listbox; the active option is announced
 * through aria-activedescendant while focus stays in the input. Down / Up move, Enter chooses,
 * Escape closes (a second Escape clears), Tab leaves. A polite status line says how many
 * addresses were found and which one was filled in.
 */
export interface AddressComboboxTargets {
  postcode: string;
  houseNumber: string;
  addition: string;
}

interface Suggestion {
  label: string;
  postcode: string;
  houseNumber: number;
  addition: string;
}

const SUGGEST_URL = "/api/adressen/suggesties";
const DEBOUNCE_MS = 250;

/** Sets an input's value the way typing does, so React and react-hook-form see the change. */
function fillInput(id: string, value: string): void {
  const input = document.getElementById(id);
  if (!(input instanceof HTMLInputElement)) return;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  setter?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

function formatPostcode(postcode: string): string {
  return `${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}

export function AddressCombobox({ id, targets, className = "" }: { id: string; targets: AddressComboboxTargets; className?: string }) {
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const statusId = useId();
  const [text, setText] = useState("");
  const [options, setOptions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const request = useRef<AbortController | null>(null);
  const skipNextFetch = useRef(false);

  useEffect(() => {
    if (skipNextFetch.current) {
      skipNextFetch.current = false;
      return;
    }
    const typed = text.trim();
    if (typed.length < 2) {
      request.current?.abort();
      return;
    }
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`${SUGGEST_URL}?q=${encodeURIComponent(typed)}`, { signal: controller.signal, headers: { accept: "application/json" } });
        if (!response.ok) {
          setOptions([]);
          setOpen(false);
          setStatus(response.status === 429 ? "Er zijn te veel adressen opgezocht. Vul uw postcode en huisnummer hieronder in." : "Zoeken lukt nu niet. Vul uw postcode en huisnummer hieronder in.");
          return;
        }
        const body = (await response.json()) as { suggestions?: Suggestion[]; available?: boolean };
        const found = body.suggestions ?? [];
        setOptions(found);
        setActive(-1);
        setOpen(found.length > 0);
        setStatus(
          body.available === false
            ? "Zoeken lukt nu niet. Vul uw postcode en huisnummer hieronder in."
            : found.length === 0
              ? "Geen adressen gevonden. Controleer wat u typte, of vul uw postcode en huisnummer hieronder in."
              : `${found.length} ${found.length === 1 ? "adres" : "adressen"} gevonden. Kies met pijltje omlaag en Enter.`,
        );
      } catch (error) {
        if ((error as { name?: string }).name !== "AbortError") setStatus("Zoeken lukt nu niet. Vul uw postcode en huisnummer hieronder in.");
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => () => request.current?.abort(), []);

  function choose(option: Suggestion) {
    fillInput(targets.postcode, formatPostcode(option.postcode));
    fillInput(targets.houseNumber, String(option.houseNumber));
    fillInput(targets.addition, option.addition);
    skipNextFetch.current = true;
    setText(option.label);
    setOpen(false);
    setActive(-1);
    setStatus(`Ingevuld: ${option.label}.`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      // The search never sends the form: Enter chooses the active address, or does nothing.
      event.preventDefault();
      if (open && active >= 0 && options[active]) choose(options[active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) {
        event.preventDefault();
        setText("");
        setOptions([]);
        setStatus("");
      }
    }
  }

  return (
    <div className={`relative ${className}`}>
      <label htmlFor={id} className="block font-semibold">
        Zoek uw adres (niet verplicht)
      </label>
      <p id={hintId} className="text-sm text-slate-700">
        Typ uw straat en huisnummer of uw postcode, bijvoorbeeld Lansinghlaan 15. Kies een adres uit de lijst; dan vullen wij de postcode en het huisnummer in.
      </p>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${hintId} ${statusId}`}
        value={text}
        onChange={(event) => {
          const value = event.target.value;
          setText(value);
          if (value.trim().length < 2) {
            setOptions([]);
            setOpen(false);
            setStatus("");
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        className="mt-1 block w-full rounded border-2 border-slate-600 bg-white px-3 py-2 text-base"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Gevonden adressen"
        hidden={!open}
        className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border-2 border-slate-600 bg-white shadow-lg"
      >
        {options.map((option, index) => (
          <li
            key={`${option.postcode}-${option.houseNumber}-${option.addition}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-800 text-white" : "hover:bg-slate-100"}`}
          >
            {option.label}
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" className="mt-1 text-sm text-slate-700">
        {status}
      </p>
    </div>
  );
}
