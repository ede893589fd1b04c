import { HOUSE_RULES, SAAR_STEPS } from "@/lib/domain";

/** The house rules in full, in the application's own words (lib/domain/house-rules.ts). */
export function HouseRulesList({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ol className="space-y-4">
      {HOUSE_RULES.map((rule, index) => (
        <li key={rule.id} className="rounded border border-slate-300 p-4">
          <Heading className="font-bold">
            {index + 1}. {rule.title}
          </Heading>
          <p>{rule.text}</p>
          {rule.steps ? <SaarSteps /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The four SAAR steps: Signaleer, Alarmeer 112, App, Reageer. */
export function SaarSteps({ large = false }: { large?: boolean }) {
  return (
    <ol className={`mt-2 space-y-2 ${large ? "text-lg" : ""}`}>
      {SAAR_STEPS.map((step) => (
        <li key={step.word} className="flex gap-3">
          <span
            aria-hidden="true"
            className={`flex shrink-0 items-center justify-center rounded-full bg-brand-700 font-bold text-white ${large ? "h-12 w-12 text-2xl" : "h-8 w-8"}`}
          >
            {step.letter}
          </span>
          <span>
            <strong>{step.word}.</strong> {step.text}
          </span>
        </li>
      ))}
    </ol>
  );
}
