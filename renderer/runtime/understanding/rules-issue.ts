import { capture, type Rule } from './capture'

const THING = '(?:the\\s+|my\\s+|our\\s+|this\\s+|a\\s+)?'
const FAILING =
  '(?:keeps?|kept|is|are|has been|have been|was|were|started|starts|seems to be|seem to be|is still|are still|still)\\s+(?:randomly\\s+|constantly\\s+|always\\s+|intermittently\\s+)?(?:failing|crashing|freezing|hanging|jamming|breaking|timing out|dropping|disconnecting|leaking|lagging|glitching|overheating|flickering|beeping|rebooting|restarting|erroring|throwing|broken|down|dead|flaky|slow|stuck|buggy|corrupted|not working|not loading|not syncing|not starting|not responding|not printing|not charging|unresponsive|offline|failing to)'
const WONT =
  "(?:will not|won't|does not|doesn't|do not|cannot|can not|can't|did not|is not|are not|refuses to|fails to|failed to|keeps failing to|stopped|has stopped|have stopped)\\s+(?:even\\s+)?(?:work|working|start|boot|load|open|connect|sync|print|charge|compile|build|deploy|run|turn on|turn off|log in|login|respond|save|send|install|update|pair|render|display|launch|close|shut|lock|open properly|close properly|flush|drain|heat up|cool|stay on|stay connected)"

/**
 * Problems and blockers: "Bug: login fails on Safari", "the printer keeps jamming", "my laptop won't
 * boot", "I'm stuck on the OAuth redirect", "having trouble with the VPN", "CI is red again".
 */
const problem: Rule = ({ text, correction }) => {
  if (
    /^(?:bug|issue|problem|blocker|blocked|error|incident|outage|broken|stuck)\s*[:\-–]\s*\S/iu.test(
      text,
    )
  )
    return [
      capture(
        'issue',
        text.replace(
          /^(\w+)\s*[:\-–]\s*/u,
          (_, w: string) => `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()}: `,
        ),
        { correction },
      ),
    ]
  if (new RegExp(`^${THING}(.+?)\\s+${FAILING}\\b`, 'iu').test(text))
    return [capture('issue', text, { correction })]
  if (new RegExp(`^${THING}(.+?)\\s+${WONT}\\b`, 'iu').test(text) && !/^I\b/u.test(text))
    return [capture('issue', text, { correction })]
  if (
    /^(.+?)\s+(?:fails|failed|crashes|crashed|throws|threw|errors out|returns a? ?(?:404|500|error)|returns errors|times out|hangs|freezes)\b/iu.test(
      text,
    ) &&
    !/^I\b/u.test(text)
  )
    return [capture('issue', text, { correction })]
  if (
    /^I\s+(?:am|have been|was)\s+(?:still\s+|completely\s+|totally\s+|kind of\s+)?(?:stuck|blocked|blocked on|blocked by|stuck on|stuck with|struggling with|having (?:trouble|issues|problems|difficulty))\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^I\s+(?:cannot|can not|could not|still cannot|still can not|keep failing to|am unable to|am not able to)\s+(?:get|log|sign|connect|access|figure out|install|reproduce|fix|find|open|load|print|install|compile|deploy|push|pull|reach)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^(?:I|we)\s+(?:have|got|keep getting|am getting|are getting|have been getting|hit|ran into|run into|keep hitting)\s+(?:an?\s+|some\s+|this\s+|the\s+|a weird\s+|weird\s+|random\s+)?(?:bug|bugs|error|errors|issue|issues|problem|problems|crash|crashes|leak|memory leak|timeouts?|outage|regression|segfaults?|exception|exceptions|race condition)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^there\s+(?:is|are|'s|seems to be)\s+(?:an?\s+|some\s+|still\s+an?\s+)?(?:bug|issue|problem|leak|memory leak|error|crash|regression|outage)\s+(?:in|with|on|when|where)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  if (
    /^(?:the\s+|our\s+|my\s+)?(?:build|ci|tests?|deploy|deployment|pipeline|release|server|site|website|app|api|database|db|wifi|wi-fi|internet|vpn|printer|laptop|phone|car|heating|boiler|sink|fridge|washer|dishwasher)\s+(?:is|are)\s+(?:red|failing|down|broken|leaking|blocked|stuck)\b/iu.test(
      text,
    )
  )
    return [capture('issue', text, { correction })]
  return null
}

/** Issue rules. */
export const ISSUE_RULES: Rule[] = [problem]
