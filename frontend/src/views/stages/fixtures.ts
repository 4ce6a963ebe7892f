// A Stages answer shaped like Go's, for the tests of this screen.
import type { Stages } from '../../api/types'

export const stagesFixture: Stages = {
  stages: ['Awareness', 'Consideration', 'Decision', 'Purchase', 'Retention'],
  touchpoints: [
    { touchpoint: 'Ad click', stage: 'Awareness', guessed: true, events: 41_200, customers: 18_300, channels: ['ads'] },
    { touchpoint: 'Home page', stage: 'Awareness', guessed: true, events: 90_400, customers: 30_100, channels: ['web'] },
    { touchpoint: 'Product page', stage: 'Consideration', guessed: true, events: 120_000, customers: 28_000, channels: ['web', 'app', 'email', 'ads', 'store'] },
    { touchpoint: 'Add to cart', stage: 'Decision', guessed: true, events: 22_000, customers: 9_100, channels: ['web', 'app'] },
    { touchpoint: 'Checkout', stage: 'Decision', guessed: false, events: 9_800, customers: 7_700, channels: ['web'] },
    { touchpoint: 'Order placed', stage: 'Purchase', guessed: true, events: 6_400, customers: 5_900, channels: ['web', 'store'] },
    { touchpoint: 'Support ticket', stage: 'Retention', guessed: true, events: 1_900, customers: 1_200, channels: ['support'] },
    { touchpoint: 'Mystery', stage: 'Legacy', guessed: false, events: 12, customers: 3, channels: [] },
  ],
  goal: ['Order placed'],
  goalGuessed: true,
}
