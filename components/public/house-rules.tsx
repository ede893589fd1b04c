import { HOUSE_RULES } from "@/lib/domain";

/** The house rules of every group (lib/domain), as a numbered list; SAAR with its steps. */
export function HouseRulesList({ headingLevel = 3 }: { headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="list-decimal space-y-3 pl-6">
      {HOUSE_RULES.map((rule) => (
        <li key={rule.id}>
          <Heading className="font-semibold">{rule.title}</Heading>
          <p>{rule.text}</p>
          {rule.steps ? (
            <ul className="mt-2 space-y-1">
              {rule.steps.map((step, index) => (
                <li key={`${step.letter}-${index}`}>
                  <strong>
                    {step.letter} = {step.word}.
                  </strong>{" "}
                  {step.text}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
