// Copay collection at the front desk.
const TEST_CARDS = { visa: '4111 1111 1111 1111', mastercard: '5555555555554444' };

const failingCharge = {
  patientId: 'P-1042',
  cardNumber: '4360 8838 4908 7734',
  expiry: '09/27',
};

const order = { orderId: '4823346340270986', createdMs: 1712345678123 };

function masked(card) {
  return '**** **** **** ' + card.slice(-4);
}

module.exports = { TEST_CARDS, failingCharge, order, masked };
